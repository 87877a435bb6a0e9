package io.otklik.channel.email;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where the poller stands in each mailbox: its UIDVALIDITY and the highest UID whose message is stored. Only ever
 * moves forward, so two nodes reading one mailbox cannot move it back.
 */
@Repository
class MailboxPositions {

    private final JdbcClient jdbc;

    MailboxPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored position; empty when the mailbox was never read. */
    record Position(long uidValidity, long lastUid) {
    }

    Optional<Position> of(MailAccountId account) {
        return jdbc.sql("select uid_validity, last_uid from mail_account where id = :id and uid_validity is not null")
                .param("id", account.value())
                .query((rs, n) -> new Position(rs.getLong(1), rs.getLong(2))).optional();
    }

    /** Moves the position forward (a new UIDVALIDITY starts over). */
    void advance(MailAccountId account, long uidValidity, long lastUid) {
        jdbc.sql("""
                update mail_account set uid_validity = :validity,
                  last_uid = case when uid_validity = :validity and last_uid > :uid then last_uid else :uid end
                where id = :id""")
                .param("validity", uidValidity).param("uid", lastUid).param("id", account.value()).update();
    }
}
