package io.otklik.agent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All agents. */
interface Agents extends JpaRepository<Agent, Long> {

    @EntityGraph(attributePaths = "teamIds")
    Optional<Agent> findByUserId(Long userId);

    @Query("select a.id from Agent a where a.userId = :userId")
    Optional<Long> findIdByUserId(Long userId);

    @EntityGraph(attributePaths = "teamIds")
    List<Agent> findByIdIn(Collection<Long> ids);

    /** With their teams in the same query, so a listing does not load each agent's teams on its own. */
    @EntityGraph(attributePaths = "teamIds")
    List<Agent> findAllByOrderByDisplayNameAsc();
}
