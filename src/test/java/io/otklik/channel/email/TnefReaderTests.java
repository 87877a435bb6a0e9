package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TnefReaderTests {

    @Test
    void readsTheFilesWithTheirNamesInTheMessageCodePage() throws Exception {
        byte[] sheet = "табличка".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = {'%', 'P', 'D', 'F', 0, 1, 2, (byte) 0xff};
        Tnef tnef = new Tnef().codepage(1251).attachment("Смета.xlsx", sheet).attachment("Plan.pdf", pdf);

        List<TnefReader.TnefFile> files = TnefReader.read(tnef.bytes());

        assertThat(files).extracting(TnefReader.TnefFile::name).containsExactly("Смета.xlsx", "Plan.pdf");
        assertThat(files.get(0).data()).isEqualTo(sheet);
        assertThat(files.get(1).data()).isEqualTo(pdf);
    }

    @Test
    void withoutACodePageNamesAreReadAsWestern() throws Exception {
        Tnef tnef = new Tnef().attachment("Résumé.doc", new byte[] {1});
        assertThat(TnefReader.read(tnef.bytes())).singleElement().extracting(TnefReader.TnefFile::name)
                .isEqualTo("Résumé.doc");
    }

    @Test
    void aStreamWithoutAttachmentsHasNoFiles() throws Exception {
        assertThat(TnefReader.read(new Tnef().codepage(1252).bytes())).isEmpty();
    }

    @Test
    void somethingElseOrAStreamCutShortIsRefused() {
        assertThatThrownBy(() -> TnefReader.read("not tnef".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(TnefReader.TnefException.class);
        byte[] whole = new Tnef().attachment("a.txt", new byte[100]).bytes();
        assertThatThrownBy(() -> TnefReader.read(Arrays.copyOf(whole, whole.length - 20)))
                .isInstanceOf(TnefReader.TnefException.class);
    }

    /** A TNEF stream written the way Outlook writes one, for the attributes the reader uses. */
    static final class Tnef {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Charset charset = Charset.forName("windows-1252");

        Tnef() {
            int32(TnefReader.SIGNATURE);
            out.write(1);
            out.write(0);
            attribute(1, 0x0008, 0x9006, new byte[] {0, 0, 1, 0});
        }

        Tnef codepage(int codepage) {
            charset = Charset.forName("windows-" + codepage);
            attribute(1, 0x0006, TnefReader.ATT_OEM_CODEPAGE, new byte[] {(byte) codepage, (byte) (codepage >> 8),
                    0, 0, 0, 0, 0, 0});
            return this;
        }

        Tnef attachment(String name, byte[] data) {
            attribute(2, 0x0006, TnefReader.ATT_ATTACH_RENDDATA, new byte[14]);
            byte[] title = (name + "\0").getBytes(charset);
            attribute(2, 0x0001, TnefReader.ATT_ATTACH_TITLE, title);
            attribute(2, 0x0006, TnefReader.ATT_ATTACH_DATA, data);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void attribute(int level, int type, int id, byte[] data) {
            out.write(level);
            int32(type << 16 | id);
            int32(data.length);
            out.writeBytes(data);
            int sum = 0;
            for (byte b : data) {
                sum += b & 0xff;
            }
            out.write(sum & 0xff);
            out.write(sum >> 8 & 0xff);
        }

        private void int32(int value) {
            out.write(value & 0xff);
            out.write(value >> 8 & 0xff);
            out.write(value >> 16 & 0xff);
            out.write(value >> 24 & 0xff);
        }
    }
}
