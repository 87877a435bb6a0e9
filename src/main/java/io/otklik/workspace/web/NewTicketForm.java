package io.otklik.workspace.web;

import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A ticket an agent logs for a caller (or from a letter or a conversation in the hall): who asked, what about,
 * and where it goes. The customer is found by email or phone, or registered from these fields.
 */
record NewTicketForm(@Size(max = 200) String requesterName, @Email @Size(max = 320) String requesterEmail,
        @Size(max = 40) String requesterPhone, @NotBlank @Size(max = 500) String subject,
        @NotBlank @Size(max = 200_000) String description, @NotNull Channel channel, @NotNull Priority priority,
        Long categoryId, Long teamId, Boolean assignToMe) {

    /** An unticked checkbox sends nothing at all. */
    boolean assignedToMe() {
        return Boolean.TRUE.equals(assignToMe);
    }

    static NewTicketForm blank() {
        return new NewTicketForm("", "", "", "", "", Channel.PHONE, Priority.MEDIUM, null, null, true);
    }
}
