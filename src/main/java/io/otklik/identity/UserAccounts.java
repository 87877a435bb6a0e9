package io.otklik.identity;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** All staff accounts. */
interface UserAccounts extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByLogin(String login);

    boolean existsByLogin(String login);
}
