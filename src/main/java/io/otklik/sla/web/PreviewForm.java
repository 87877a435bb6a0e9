package io.otklik.sla.web;

/**
 * What the preview is asked: the working time between {@code from} and {@code to}, the time {@code minutes} working
 * minutes after {@code start} (wall-clock times in the calendar's zone, as {@code 2026-11-27T17:00}), and the days of
 * {@code month} ({@code 2026-11}).
 */
record PreviewForm(String from, String to, String start, String minutes, String month) {
}
