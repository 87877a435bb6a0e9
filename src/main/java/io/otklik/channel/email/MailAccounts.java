package io.otklik.channel.email;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** All mailboxes the email channel reads. */
interface MailAccounts extends JpaRepository<MailAccount, Long> {

    List<MailAccount> findAllByOrderByNameAsc();

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, Long id);

    /*
     * Health is written past the entity's version on purpose: the poller recording a fetch must not make an
     * administrator's save of the settings fail, nor the other way round.
     */

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update MailAccount a set a.lastFetchAt = :now, a.lastSuccessAt = :now,
              a.fetchedCount = a.fetchedCount + :taken, a.failedCount = a.failedCount + :failed
            where a.id = :id""")
    int recordFetch(Long id, long taken, long failed, Instant now);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update MailAccount a set a.lastFetchAt = :now, a.lastErrorAt = :now, a.lastError = :error where a.id = :id")
    int recordFetchFailure(Long id, String error, Instant now);
}
