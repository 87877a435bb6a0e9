package io.otklik.agent;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** All teams. */
interface Teams extends JpaRepository<Team, Long> {

    boolean existsByName(String name);

    List<Team> findAllByOrderByLineAscNameAsc();
}
