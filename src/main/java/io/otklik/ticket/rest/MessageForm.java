package io.otklik.ticket.rest;

import java.util.List;

import io.otklik.ticket.MessageKind;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.Status;

import jakarta.validation.constraints.NotNull;

import org.springframework.web.multipart.MultipartFile;

/** The multipart form of {@code POST /api/v1/tickets/{number}/messages}: the message fields plus {@code files}. */
record MessageForm(@NotNull(message = "{error.required}") MessageKind kind, String body, Status statusAfter,
        List<MultipartFile> files) {

    NewMessage toNewMessage() {
        List<NewAttachment> attachments = files == null ? List.of() : files.stream()
                // A form's empty file input arrives as a nameless, empty part: nothing was attached.
                .filter(file -> !(file.isEmpty() && (file.getOriginalFilename() == null
                        || file.getOriginalFilename().isBlank())))
                .map(file -> new NewAttachment(file.getOriginalFilename(), file.getContentType(), file))
                .toList();
        return new NewMessage(kind, body, attachments, statusAfter);
    }
}
