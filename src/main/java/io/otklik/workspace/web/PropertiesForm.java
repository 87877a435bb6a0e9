package io.otklik.workspace.web;

import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The ticket's editable fields as posted from the ticket page; {@code version} is the one the agent saw. */
record PropertiesForm(@NotNull Long version, @NotNull Status status, @NotNull Priority priority, Long categoryId,
        Long teamId, Long assigneeId, @Size(max = 2000) String tags) {
}
