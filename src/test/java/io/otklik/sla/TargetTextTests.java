package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Durations of a policy as typed: minutes or hours and minutes, shown back as hours and minutes. */
class TargetTextTests {

    @Test
    void readsMinutesAndHoursWithMinutes() {
        assertThat(TargetText.read("90").value()).isEqualTo(Duration.ofMinutes(90));
        assertThat(TargetText.read(" 1:30 ").value()).isEqualTo(Duration.ofMinutes(90));
        assertThat(TargetText.read("40:00").value()).isEqualTo(Duration.ofHours(40));
        assertThat(TargetText.read("0:05").value()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anEmptyTextIsNoTarget() {
        TargetText.Read empty = TargetText.read("  ");
        assertThat(empty.ok()).isTrue();
        assertThat(empty.value()).isNull();
        assertThat(TargetText.read(null).value()).isNull();
    }

    @Test
    void saysWhatCannotBeRead() {
        assertThat(TargetText.read("1:75").code()).isEqualTo("sla-policy.duration.format");
        assertThat(TargetText.read("1,5").code()).isEqualTo("sla-policy.duration.format");
        assertThat(TargetText.read("-30").code()).isEqualTo("sla-policy.duration.format");
        assertThat(TargetText.read("2h").code()).isEqualTo("sla-policy.duration.format");
        assertThat(TargetText.read("0").code()).isEqualTo("sla-policy.duration.zero");
        assertThat(TargetText.read("0:00").code()).isEqualTo("sla-policy.duration.zero");
    }

    @Test
    void showsHoursAndMinutes() {
        assertThat(TargetText.text(Duration.ofMinutes(30))).isEqualTo("0:30");
        assertThat(TargetText.text(Duration.ofMinutes(2400))).isEqualTo("40:00");
        assertThat(TargetText.text(Duration.ofMinutes(245))).isEqualTo("4:05");
        assertThat(TargetText.text(null)).isEmpty();
    }
}
