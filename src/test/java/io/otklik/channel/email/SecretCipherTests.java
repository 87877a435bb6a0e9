package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mailbox passwords encrypted with AES-GCM under the configured key, or a key file made on first start. */
class SecretCipherTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dataDir;

    @Test
    void aSecretComesBackAsItWasAndIsNeverStoredInClear() {
        SecretCipher cipher = new SecretCipher(KEY, dataDir.toString());
        String stored = cipher.encrypt("пароль от ящика");
        assertThat(stored).startsWith("v1:").doesNotContain("пароль");
        assertThat(cipher.decrypt(stored)).isEqualTo("пароль от ящика");
    }

    @Test
    void theSameSecretIsEncryptedDifferentlyEachTime() {
        SecretCipher cipher = new SecretCipher(KEY, dataDir.toString());
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void anotherKeyCannotReadItAndATamperedValueIsRefused() {
        String stored = new SecretCipher(KEY, dataDir.toString()).encrypt("secret");
        byte[] other = new byte[32];
        other[0] = 1;
        SecretCipher stranger = new SecretCipher(Base64.getEncoder().encodeToString(other), dataDir.toString());
        assertThatThrownBy(() -> stranger.decrypt(stored)).isInstanceOf(IllegalStateException.class);

        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> new SecretCipher(KEY, dataDir.toString()).decrypt(tampered))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKeyOneIsMadeInTheDataFolderForItsOwnerOnlyAndKept() throws IOException {
        String stored = new SecretCipher("", dataDir.toString()).encrypt("secret");
        Path file = dataDir.resolve("secrets.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(new SecretCipher(null, dataDir.toString()).decrypt(stored)).isEqualTo("secret");
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secrets.key");
        }
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedAtStart() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new SecretCipher(tooShort, dataDir.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretCipher("not base64!", dataDir.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }
}
