package io.runnel.sql.internal.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartialTimestampsTest {

    @Test
    void shouldReadAFullTimestampAsUtc() {
        assertThat(PartialTimestamps.toEpochMillis("2018-01-01T00:00:00.001")).contains(1514764800001L);
    }

    @Test
    void shouldFillMissingPartsWithTheStartOfThePeriod() {
        assertThat(PartialTimestamps.toEpochMillis("2018")).contains(1514764800000L);
        assertThat(PartialTimestamps.toEpochMillis("2018-01-01T00:00:01")).contains(1514764801000L);
    }

    @Test
    void shouldApplyAnExplicitZone() {
        assertThat(PartialTimestamps.toEpochMillis("2020-02-10T08:31:44.001+0000")).contains(1581323504001L);
        assertThat(PartialTimestamps.toEpochMillis("2019-01-01T00:00:00+0445")).contains(1546300800000L - 17_100_000L);
        assertThat(PartialTimestamps.toEpochMillis("2019-01-01T04:45:00+04:45")).contains(1546300800000L);
    }

    @Test
    void shouldRejectTextThatIsNoTimestamp() {
        assertThat(PartialTimestamps.toEpochMillis("yesterday")).isEqualTo(Optional.empty());
        assertThat(PartialTimestamps.toEpochMillis("2018-13-01")).isEqualTo(Optional.empty());
    }
}
