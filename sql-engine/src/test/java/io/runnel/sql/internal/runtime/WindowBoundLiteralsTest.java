package io.runnel.sql.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowBoundLiteralsTest {

    @Test
    void shouldReadFullTextDatetimeAsUtc() {
        assertThat(WindowBoundLiterals.parse("2020-02-23T23:45:12.000"))
                .isEqualTo(Instant.parse("2020-02-23T23:45:12Z").toEpochMilli());
    }

    @Test
    void shouldApplyZoneOffset() {
        assertThat(WindowBoundLiterals.parse("2020-02-23T22:45:12.000-0100"))
                .isEqualTo(Instant.parse("2020-02-23T23:45:12Z").toEpochMilli());
    }

    @Test
    void shouldFillMissingPartsWithTheStartOfTheirUnitAndReadHour24AsNextMidnight() {
        assertThat(WindowBoundLiterals.parse("2020-02-22T23:45")).isEqualTo(Instant.parse("2020-02-22T23:45:00Z").toEpochMilli());
        assertThat(WindowBoundLiterals.parse("2020-02-24T24")).isEqualTo(Instant.parse("2020-02-25T00:00:00Z").toEpochMilli());
        assertThat(WindowBoundLiterals.parse("2020")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());
    }
}
