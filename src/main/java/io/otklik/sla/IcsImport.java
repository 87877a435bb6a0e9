package io.otklik.sla;

/** What importing an iCalendar file did: the days off it holds, how many were added, how many dates had an entry. */
public record IcsImport(int found, int added, int skipped) {
}
