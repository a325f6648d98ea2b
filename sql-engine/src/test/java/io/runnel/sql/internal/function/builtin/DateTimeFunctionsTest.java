package io.runnel.sql.internal.function.builtin;

import static io.runnel.sql.internal.function.Calls.call;
import static io.runnel.sql.internal.function.Calls.callTyped;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.internal.catalog.SqlType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Date/time functions; expected values from stringtimestamp.json, timestamp-to-string.json,
 * datestring.json, format-date.json, format-time.json, parse-date.json, dateadd.json,
 * timeadd.json, timestampadd.json, from-days.json and unix-date.json.
 */
class DateTimeFunctionsTest {

    @Test
    void shouldParseStringsToTimestampsAsInStringtimestampJson() {
        assertThat(call("STRINGTOTIMESTAMP", "2018-05-11T21:58:33Z", "yyyy-MM-dd'T'HH:mm:ssX")).isEqualTo(1526075913000L);
        assertThat(call("STRINGTOTIMESTAMP", "2019-05-11T21:58:33Z", "yyyy-MM-dd'T'HH:mm:ssX")).isEqualTo(1557611913000L);
        assertThat(call("PARSE_TIMESTAMP", "2018-05-11T21:58:33", "yyyy-MM-dd'T'HH:mm:ss"))
                .isEqualTo(Instant.ofEpochMilli(1526075913000L));
        assertThat(call("PARSE_TIMESTAMP", "2018-05-11T21:58:33 PST", "yyyy-MM-dd'T'HH:mm:ss zzz"))
                .isEqualTo(Instant.ofEpochMilli(1526101113000L));
        assertThat(call("STRINGTOTIMESTAMP", "2018-05-11", "yyyy-MM-dd")).isEqualTo(1525996800000L);
        assertThat(call("STRINGTOTIMESTAMP", "2020-05-11T21:58:33z", "yyyy-MM-dd'T'HH:mm:ssX")).isEqualTo(1589234313000L);
    }

    @Test
    void shouldFormatTimestampsInZonesAsInTimestampToStringJson() {
        assertThat(call("TIMESTAMPTOSTRING", 1526075913000L, "yyyy-MM-dd HH:mm:ss zzz", "America/Los_Angeles"))
                .isEqualTo("2018-05-11 14:58:33 PDT");
        assertThat(call("TIMESTAMPTOSTRING", 1526075913000L, "yyyy-MM-dd HH:mm:ss zzz", "Europe/London"))
                .isEqualTo("2018-05-11 22:58:33 BST");
        assertThat(call("FORMAT_TIMESTAMP", Instant.ofEpochMilli(1526075913000L), "yyyy-MM-dd HH:mm:ss zzz", "America/Los_Angeles"))
                .isEqualTo("2018-05-11 14:58:33 PDT");
        assertThat(call("FORMAT_TIMESTAMP", Instant.ofEpochMilli(1526075913000L), "yyyy-MM-dd HH:mm:ss"))
                .isEqualTo("2018-05-11 21:58:33");
        assertThat(callTyped("FORMAT_TIMESTAMP", List.of(SqlType.TIMESTAMP, SqlType.STRING), null, "yyyy")).isNull();
    }

    @Test
    void shouldFormatAndParseDatesAsInDatestringAndParseDateJson() {
        assertThat(call("DATETOSTRING", 17662, "yyyy-MM-dd")).isEqualTo("2018-05-11");
        assertThat(call("DATETOSTRING", 18027, "dd/MM/yyyy")).isEqualTo("11/05/2019");
        assertThat(call("DATETOSTRING", 18993, "dd-MMM-yyyy")).isEqualTo("01-Jan-2022");
        assertThat(call("FORMAT_DATE", LocalDate.ofEpochDay(17662), "yyyy-MM-dd")).isEqualTo("2018-05-11");
        assertThat(call("PARSE_DATE", "2018-05-11Lit", "yyyy-MM-dd'Lit'")).isEqualTo(LocalDate.ofEpochDay(17662));
        assertThat(call("PARSE_DATE", "11/05/2019", "dd/MM/yyyy")).isEqualTo(LocalDate.ofEpochDay(18027));
        assertThat(call("PARSE_DATE", "01-Jan-2022", "dd-MMM-yyyy")).isEqualTo(LocalDate.ofEpochDay(18993));
        assertThat(call("PARSE_DATE", "01-JAN-2022", "dd-MMM-yyyy")).isEqualTo(LocalDate.ofEpochDay(18993));
        assertThat(call("STRINGTODATE", "2018-05-11", "yyyy-MM-dd")).isEqualTo(17662);
    }

    @Test
    void shouldFormatAndParseTimesAsInFormatTimeJson() {
        assertThat(call("FORMAT_TIME", LocalTime.ofNanoOfDay(65_000_000_000L), "HH_mm_ss_SSS")).isEqualTo("00_01_05_000");
        assertThat(call("FORMAT_TIME", LocalTime.ofNanoOfDay(1_234_567_000_000L), "HHmmss'AAAAA'")).isEqualTo("002034AAAAA");
        assertThat(call("FORMAT_TIME", LocalTime.MIDNIGHT, "HH:mm:ss")).isEqualTo("00:00:00");
        assertThat(call("PARSE_TIME", "00:01:05", "HH:mm:ss")).isEqualTo(LocalTime.of(0, 1, 5));
    }

    @Test
    void shouldAddIntervalsAsInDateaddTimeaddTimestampaddJson() {
        assertThat(call("DATEADD", "DAYS", 10, LocalDate.ofEpochDay(10))).isEqualTo(LocalDate.ofEpochDay(20));
        assertThat(call("DATEADD", "DAYS", -5, LocalDate.ofEpochDay(2))).isEqualTo(LocalDate.ofEpochDay(-3));
        assertThat(callTyped("DATEADD", List.of(SqlType.STRING, SqlType.INTEGER, SqlType.DATE), "MILLISECONDS", 5, null)).isNull();
        assertThat(call("DATESUB", "DAYS", 5, LocalDate.ofEpochDay(10))).isEqualTo(LocalDate.ofEpochDay(5));
        assertThat(call("TIMEADD", "MILLISECONDS", 10, LocalTime.ofNanoOfDay(10_000_000L))).isEqualTo(LocalTime.ofNanoOfDay(20_000_000L));
        assertThat(call("TIMEADD", "MILLISECONDS", 10, LocalTime.ofNanoOfDay(86399995_000_000L))).isEqualTo(LocalTime.ofNanoOfDay(5_000_000L));
        assertThat(call("TIMEADD", "MILLISECONDS", -5, LocalTime.ofNanoOfDay(2_000_000L))).isEqualTo(LocalTime.ofNanoOfDay(86399997_000_000L));
        assertThat(call("TIMESUB", "SECONDS", 1, LocalTime.of(0, 0, 2))).isEqualTo(LocalTime.of(0, 0, 1));
        assertThat(call("TIMESTAMPADD", "MILLISECONDS", 10, Instant.ofEpochMilli(10))).isEqualTo(Instant.ofEpochMilli(20));
        assertThat(call("TIMESTAMPADD", "MILLISECONDS", -5, Instant.ofEpochMilli(2))).isEqualTo(Instant.ofEpochMilli(-3));
        assertThat(call("TIMESTAMPSUB", "HOURS", 1, Instant.ofEpochMilli(3_600_000))).isEqualTo(Instant.ofEpochMilli(0));
    }

    @Test
    void shouldConvertDaysAndEpochsAsInFromDaysAndUnixDateJson() {
        assertThat(call("FROM_DAYS", 10)).isEqualTo(LocalDate.ofEpochDay(10));
        assertThat(call("FROM_DAYS", -10)).isEqualTo(LocalDate.ofEpochDay(-10));
        assertThat(call("UNIX_DATE", LocalDate.ofEpochDay(100))).isEqualTo(100);
        assertThat((Integer) call("UNIX_DATE")).isGreaterThan(100);
        assertThat(call("UNIX_TIMESTAMP", Instant.ofEpochMilli(42))).isEqualTo(42L);
        assertThat(call("FROM_UNIXTIME", 42L)).isEqualTo(Instant.ofEpochMilli(42));
        assertThat(call("CONVERT_TZ", Instant.parse("2021-03-15T12:00:00Z"), "UTC", "America/Los_Angeles"))
                .isEqualTo(Instant.parse("2021-03-15T05:00:00Z"));
    }
}
