package io.otklik.channel.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets kept in the database (mailbox passwords) with AES-256-GCM, a random 96-bit IV per value. The key
 * is {@code otklik.secrets.key} (OTKLIK_SECRETS_KEY, 32 bytes in base64); without it, one is made on first start
 * and kept in {@code <data-dir>/secrets.key}, readable by its owner only. Production sets the variable, so that all
 * nodes share the key and it does not live next to the data it protects.
 */
@Component
class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    /** Stored values start with this, so that another scheme can follow later. */
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(@Value("${otklik.secrets.key:}") String configured, @Value("${otklik.data-dir}") String dataDir) {
        byte[] bytes = configured == null || configured.isBlank() ? keyFile(Path.of(dataDir, "secrets.key"))
                : decodeKey(configured.strip(), "otklik.secrets.key (OTKLIK_SECRETS_KEY)");
        this.key = new SecretKeySpec(bytes, "AES");
    }

    String encrypt(String clear) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, stored, 0, iv.length);
            System.arraycopy(sealed, 0, stored, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt with AES-GCM", e);
        }
    }

    /** The clear text; fails when the value was encrypted with another key (the key was changed or not shared). */
    String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a value this cipher wrote");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted with the current key "
                    + "(OTKLIK_SECRETS_KEY or secrets.key changed?)", e);
        }
    }

    /** Reads the key file, or makes it; several contexts may start at once on one folder (tests): the first wins. */
    private static synchronized byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] made = new byte[32];
                new SecureRandom().nextBytes(made);
                Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), "secrets", ".tmp");
                try {
                    ownerOnly(draft);
                    Files.writeString(draft, Base64.getEncoder().encodeToString(made) + "\n");
                    Files.createLink(file, draft);
                    log.info("Made a key for stored secrets in {}; set OTKLIK_SECRETS_KEY in production so that all "
                            + "nodes share one", file.toAbsolutePath());
                } catch (FileAlreadyExistsException madeElsewhere) {
                    // another process made it first: read theirs
                } catch (UnsupportedOperationException | IOException noLinks) {
                    if (!Files.exists(file)) {
                        Files.move(draft, file);
                    }
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            return decodeKey(Files.readString(file).strip(), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or make the secrets key " + file.toAbsolutePath()
                    + "; set OTKLIK_SECRETS_KEY instead", e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-------");
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }

    private static byte[] decodeKey(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes in base64 (e.g. openssl rand -base64 32), not "
                    + bytes.length);
        }
        return bytes;
    }
}
