package io.otklik.channel.email;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** All postmaster rules, for changing them (reading them for evaluation goes through {@link PostmasterRuleRows}). */
interface SavedPostmasterRules extends JpaRepository<PostmasterRule, Long> {

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, Long id);

    Optional<PostmasterRule> findTopByOrderByPositionDesc();

    List<PostmasterRule> findAllByOrderByPositionAscIdAsc();
}
