package io.otklik.agent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** All agents. */
interface Agents extends JpaRepository<Agent, Long> {

    Optional<Agent> findByUserId(Long userId);

    List<Agent> findByIdIn(Collection<Long> ids);

    List<Agent> findAllByOrderByDisplayNameAsc();
}
