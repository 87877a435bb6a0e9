package io.otklik.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.otklik.shared.PayloadTooLargeException;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Attachment contents on disk, addressed by SHA-256 ({@code ab/cd/abcd…}): the same file is kept once, and a
 * file is never changed after it is written.
 */
@Component
class AttachmentStore {

    private final Path root;
    private final long maxSize;

    AttachmentStore(TicketProperties properties) {
        this.root = properties.attachments().dir().toAbsolutePath();
        this.maxSize = properties.attachments().maxSize().toBytes();
    }

    long maxSize() {
        return maxSize;
    }

    /** Streams the content to disk, refusing it (and keeping nothing) once it passes the size limit. */
    StoredFile store(NewAttachment attachment) {
        try {
            Files.createDirectories(root.resolve("tmp"));
            Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long size;
                try (InputStream in = attachment.content().getInputStream();
                        OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                    size = copyLimited(in, out, attachment.fileName());
                }
                String hash = HexFormat.of().formatHex(digest.digest());
                Path target = pathOf(hash);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    move(temp, target);
                }
                return new StoredFile(cleanName(attachment.fileName()), cleanType(attachment.contentType()), size, hash);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Resource open(String sha256) {
        return new FileSystemResource(pathOf(sha256));
    }

    private long copyLimited(InputStream in, OutputStream out, String name) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxSize) {
                throw new PayloadTooLargeException("attachment.too-large", name, maxSize / (1024 * 1024));
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private Path pathOf(String hash) {
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String cleanName(String name) {
        String value = name == null ? "" : name.replace('\\', '/');
        value = value.substring(value.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (value.isEmpty()) {
            value = "attachment";
        }
        return value.length() <= 255 ? value : value.substring(value.length() - 255);
    }

    private static String cleanType(String type) {
        if (type == null || !type.matches("[\\w.+-]+/[\\w.+-]+(;.*)?") || type.length() > 200) {
            return "application/octet-stream";
        }
        return type;
    }
}
