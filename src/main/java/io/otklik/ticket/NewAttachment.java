package io.otklik.ticket;

import org.springframework.core.io.InputStreamSource;

/** A file to attach, as received: name and type as the sender gave them, content read once. */
public record NewAttachment(String fileName, String contentType, InputStreamSource content) {
}
