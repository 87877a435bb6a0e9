package io.otklik.identity;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The audit trail, newest last. */
interface AuditLog extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByActorOrderByIdAsc(String actor);
}
