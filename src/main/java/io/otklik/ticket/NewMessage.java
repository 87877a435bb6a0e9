package io.otklik.ticket;

import java.util.List;

/**
 * An agent's reply or note. {@code statusAfter}, when given, is applied with the message ("reply and set
 * pending"), as support teams do in one step.
 */
public record NewMessage(MessageKind kind, String body, List<NewAttachment> attachments, Status statusAfter) {
}
