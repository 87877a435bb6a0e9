package io.otklik.ticket.rest;

import java.nio.charset.StandardCharsets;

import io.otklik.ticket.AttachmentFiles;
import io.otklik.ticket.AttachmentView;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of attachments, after the same access check as their ticket. Always as a download, never rendered in
 * the browser: whatever a customer sent must not run in the agent's session.
 */
@RestController
class AttachmentApi {

    static final String PATH = "/api/v1/attachments/{id}";

    private final AttachmentFiles files;

    AttachmentApi(AttachmentFiles files) {
        this.files = files;
    }

    @GetMapping(PATH)
    ResponseEntity<Resource> downloadAttachment(@PathVariable long id) {
        AttachmentFiles.Download download = files.open(id);
        AttachmentView attachment = download.attachment();
        return ResponseEntity.ok()
                .contentType(mediaType(attachment.contentType()))
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(download.content());
    }

    private static MediaType mediaType(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
