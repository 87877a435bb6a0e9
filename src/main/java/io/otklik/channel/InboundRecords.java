package io.otklik.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.otklik.ticket.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the {@code inbound_message} table for administrators: listings, counts, one record (never the raw bytes). */
@Repository
class InboundRecords {

    private static final String COLUMNS = "id, channel, account_id, external_id, arrived_via, size_bytes, "
            + "received_at, state, outcome, outcome_reason, sender, subject, ticket_id, attempts, next_attempt_at, "
            + "last_error, processed_at";

    private final JdbcClient jdbc;

    InboundRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InboundRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from inbound_message where id = :id").param("id", id)
                .query(InboundRecords::record).optional();
    }

    /** The newest first. */
    List<InboundRecord> find(InboundFilter filter, int offset, int limit) {
        Where where = where(filter);
        return jdbc.sql("select " + COLUMNS + " from inbound_message" + where.sql
                        + " order by received_at desc, id desc limit :limit offset :offset")
                .params(where.params).param("limit", limit).param("offset", offset)
                .query(InboundRecords::record).list();
    }

    /** How many match, counted up to {@code cap} (beyond it the answer is {@code cap}). */
    long count(InboundFilter filter, int cap) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from (select 1 from inbound_message" + where.sql + " limit :cap) m")
                .params(where.params).param("cap", cap).query(Long.class).single();
    }

    /**
     * Waiting and failed messages per account of the channel; accounts with neither are left out. (The state index
     * keeps this to the few unsettled rows, however many are done.)
     */
    Map<Long, InboundCounts> unsettledByAccount(Channel channel) {
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.sql("""
                select account_id, state, count(*) from inbound_message
                where state in ('RECEIVED', 'FAILED') and channel = :channel group by account_id, state""")
                .param("channel", channel.name())
                .query((rs, n) -> {
                    long[] pair = counts.computeIfAbsent(rs.getLong(1), a -> new long[2]);
                    pair["FAILED".equals(rs.getString(2)) ? 1 : 0] += rs.getLong(3);
                    return null;
                }).list();
        Map<Long, InboundCounts> result = new HashMap<>();
        counts.forEach((account, pair) -> result.put(account, new InboundCounts(pair[0], pair[1])));
        return result;
    }

    InboundCounts unsettled() {
        long[] pair = new long[2];
        jdbc.sql("select state, count(*) from inbound_message where state in ('RECEIVED', 'FAILED') group by state")
                .query((rs, n) -> {
                    pair["FAILED".equals(rs.getString(1)) ? 1 : 0] += rs.getLong(2);
                    return null;
                }).list();
        return new InboundCounts(pair[0], pair[1]);
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(InboundFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.channel() != null) {
            conditions.add("channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.accountId() != null) {
            conditions.add("account_id = :account");
            params.put("account", filter.accountId());
        }
        if (filter.state() != null) {
            conditions.add("state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.outcome() != null) {
            conditions.add("outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static InboundRecord record(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new InboundRecord(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getLong("account_id"),
                rs.getString("external_id"), ArrivedVia.valueOf(rs.getString("arrived_via")),
                rs.getLong("size_bytes"), instant(rs, "received_at"), InboundState.valueOf(rs.getString("state")),
                outcome == null ? null : InboundOutcome.valueOf(outcome), rs.getString("outcome_reason"),
                rs.getString("sender"), rs.getString("subject"), (Long) rs.getObject("ticket_id", Long.class),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                instant(rs, "processed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
