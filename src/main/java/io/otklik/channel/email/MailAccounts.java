package io.otklik.channel.email;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** All mailboxes the email channel reads. */
interface MailAccounts extends JpaRepository<MailAccount, Long> {

    List<MailAccount> findAllByOrderByNameAsc();

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, Long id);
}
