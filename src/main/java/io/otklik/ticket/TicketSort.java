package io.otklik.ticket;

/** Orders of a ticket listing. */
public enum TicketSort {
    UPDATED_DESC("updated_at desc, id desc"),
    UPDATED_ASC("updated_at asc, id asc"),
    CREATED_DESC("id desc"),
    CREATED_ASC("id asc"),
    PRIORITY("case priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end, "
            + "updated_at desc, id desc"),
    /** Due soonest: overdue first, then the next due; tickets without a running clock last. */
    DUE("next_due_at asc nulls last, id asc");

    final String sql;

    TicketSort(String sql) {
        this.sql = sql;
    }
}
