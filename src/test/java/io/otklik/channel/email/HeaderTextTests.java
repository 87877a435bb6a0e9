package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.otklik.channel.InboundAddress;

import org.junit.jupiter.api.Test;

class HeaderTextTests {

    @Test
    void encodedWordsSplitInsideACharacterAreJoinedBeforeDecoding() {
        byte[] bytes = "Счёт".getBytes(StandardCharsets.UTF_8);
        String header = word(bytes, 0, 3) + "\r\n " + word(bytes, 3, bytes.length);
        assertThat(HeaderText.decode(header)).isEqualTo("Счёт");
    }

    @Test
    void wordsInDifferentCharsetsAndPlainTextAroundThem() {
        assertThat(HeaderText.decode("Re: =?KOI8-R?B?" + b64("Заявка", "KOI8-R") + "?= =?windows-1251?Q?=B9_5?= done"))
                .isEqualTo("Re: Заявка№ 5 done");
    }

    @Test
    void aLyingLabelInAnEncodedWordIsCorrected() {
        assertThat(HeaderText.decode("=?iso-8859-1?B?" + b64("Привет", "windows-1251") + "?=")).isEqualTo("Привет");
    }

    @Test
    void unencodedEightBitHeadersAreRead() {
        String asJakartaGivesIt = new String("Тема письма".getBytes(Charset.forName("KOI8-R")),
                StandardCharsets.ISO_8859_1);
        assertThat(HeaderText.decode(asJakartaGivesIt)).isEqualTo("Тема письма");
    }

    @Test
    void brokenPaddingAndUnknownCharsetDoNotFail() {
        String noPadding = b64("Тест", "UTF-8").replace("=", "");
        assertThat(HeaderText.decode("=?utf-8?b?" + noPadding + "?=")).isEqualTo("Тест");
        assertThat(HeaderText.decode("=?x-unknown?Q?abc?=")).isEqualTo("abc");
    }

    @Test
    void addressesWithQuotedCommasCommentsAndGroups() {
        assertThat(HeaderText.addresses("\"Петров, Иван\" <ivan@x.test>, anna@x.test (Анна), team: a@y.test, b@y.test;"))
                .containsExactly(new InboundAddress("ivan@x.test", "Петров, Иван"),
                        new InboundAddress("anna@x.test", "Анна"), new InboundAddress("a@y.test", null),
                        new InboundAddress("b@y.test", null));
    }

    private static String word(byte[] bytes, int from, int to) {
        byte[] part = java.util.Arrays.copyOfRange(bytes, from, to);
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(part) + "?=";
    }

    private static String b64(String text, String charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(Charset.forName(charset)));
    }
}
