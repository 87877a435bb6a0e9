package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CharsetGuessTests {

    private static final String RUSSIAN = "Добрый день! Не работает принтер в бухгалтерии, печатает пустые листы.";

    @Test
    void aTruthfulLabelIsBelieved() {
        assertThat(guess(RUSSIAN, CharsetGuess.WINDOWS_1251, "windows-1251")).isEqualTo(CharsetGuess.WINDOWS_1251);
        assertThat(guess(RUSSIAN, CharsetGuess.KOI8_R, "koi8-r")).isEqualTo(CharsetGuess.KOI8_R);
        assertThat(guess(RUSSIAN, StandardCharsets.UTF_8, "utf-8")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void validUtf8IsUtf8WhateverTheLabelSays() {
        assertThat(guess(RUSSIAN, StandardCharsets.UTF_8, "us-ascii")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(guess(RUSSIAN, StandardCharsets.UTF_8, "iso-8859-1")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(guess(RUSSIAN, StandardCharsets.UTF_8, "windows-1251")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(guess(RUSSIAN, StandardCharsets.UTF_8, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void unlabelledOrWesternLabelledRussianIsToldApartBetweenWindows1251AndKoi8() {
        assertThat(guess(RUSSIAN, CharsetGuess.WINDOWS_1251, null)).isEqualTo(CharsetGuess.WINDOWS_1251);
        assertThat(guess(RUSSIAN, CharsetGuess.KOI8_R, null)).isEqualTo(CharsetGuess.KOI8_R);
        assertThat(guess(RUSSIAN, CharsetGuess.WINDOWS_1251, "iso-8859-1")).isEqualTo(CharsetGuess.WINDOWS_1251);
        assertThat(guess(RUSSIAN, CharsetGuess.KOI8_R, "us-ascii")).isEqualTo(CharsetGuess.KOI8_R);
        assertThat(guess(RUSSIAN, CharsetGuess.KOI8_R, "utf-8")).isEqualTo(CharsetGuess.KOI8_R);
    }

    @Test
    void shortWordsAndCapitalisedTextAreStillToldApart() {
        for (String text : new String[] {"Счёт", "Привет", "СРОЧНО: Не работает почта", "да"}) {
            assertThat(guess(text, CharsetGuess.WINDOWS_1251, null)).as(text).isEqualTo(CharsetGuess.WINDOWS_1251);
            assertThat(guess(text, CharsetGuess.KOI8_R, null)).as(text).isEqualTo(CharsetGuess.KOI8_R);
        }
    }

    @Test
    void theWrongRussianLabelIsCorrected() {
        assertThat(guess(RUSSIAN, CharsetGuess.WINDOWS_1251, "koi8-r")).isEqualTo(CharsetGuess.WINDOWS_1251);
        assertThat(guess(RUSSIAN, CharsetGuess.KOI8_R, "windows-1251")).isEqualTo(CharsetGuess.KOI8_R);
    }

    @Test
    void westernTextWithAFewAccentsStaysWestern() {
        String french = "Bonjour, le café de la société est fermé à midi. Merci beaucoup, Hélène";
        assertThat(guess(french, StandardCharsets.ISO_8859_1, "iso-8859-1")).isEqualTo(CharsetGuess.WINDOWS_1252);
        assertThat(CharsetGuess.decode(french.getBytes(StandardCharsets.ISO_8859_1), null)).isEqualTo(french);
    }

    @Test
    void plainAsciiAndMisspelledOrUnknownLabels() {
        assertThat(guess("Hello", StandardCharsets.US_ASCII, null)).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(CharsetGuess.known("cp-1251")).isEqualTo(CharsetGuess.WINDOWS_1251);
        assertThat(CharsetGuess.known("\"KOI8\"")).isEqualTo(CharsetGuess.KOI8_R);
        assertThat(CharsetGuess.known("x-no-such-charset")).isNull();
        assertThat(guess(RUSSIAN, CharsetGuess.WINDOWS_1251, "x-no-such-charset")).isEqualTo(CharsetGuess.WINDOWS_1251);
    }

    @Test
    void decodingGivesTheTextBack() {
        for (Charset charset : new Charset[] {CharsetGuess.WINDOWS_1251, CharsetGuess.KOI8_R, StandardCharsets.UTF_8}) {
            assertThat(CharsetGuess.decode(RUSSIAN.getBytes(charset), "iso-8859-1")).isEqualTo(RUSSIAN);
        }
    }

    private static Charset guess(String text, Charset written, String label) {
        return CharsetGuess.of(text.getBytes(written), label);
    }
}
