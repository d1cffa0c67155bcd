package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    @Test
    void writesDurationsTheWayItReadsThem() {
        for (String d : List.of("3h", "1h30m", "1m30s", "500ms", "2s"))
            assertThat(DurationConverter.format(DurationConverter.parse(d))).isEqualTo(d);
        assertThat(DurationConverter.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(DurationConverter.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void readsKubectlStyleDurations() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> DurationConverter.parse("10")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> DurationConverter.parse("10m30"))
                .isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
