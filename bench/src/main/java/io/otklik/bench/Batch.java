package io.otklik.bench;

/** The rows of a run of consecutive tickets, one buffer per table, ready to COPY in one transaction. */
record Batch(long tickets, CopyRows ticket, CopyRows tags, CopyRows messages, CopyRows history) {

    long rows() {
        return ticket.rows() + tags.rows() + messages.rows() + history.rows();
    }
}
