package io.runnel.bench.sql;

/**
 * Reads the count of an output value {@code {"VIEWS":123}} (both systems write it so), without a
 * JSON parser: the output tracker runs in the measured JVM and should cost little.
 */
final class JsonCounts {

    private JsonCounts() {
    }

    /** The whole number after the value's last colon. */
    static long views(byte[] value) {
        int i = value.length - 1;
        while (i >= 0 && value[i] != ':') {
            i--;
        }
        if (i < 0) {
            throw new IllegalArgumentException("not a count: " + new String(value, java.nio.charset.StandardCharsets.UTF_8));
        }
        long v = 0;
        for (i++; i < value.length; i++) {
            byte b = value[i];
            if (b >= '0' && b <= '9') {
                v = v * 10 + (b - '0');
            } else if (b != ' ') {
                break;
            }
        }
        return v;
    }
}
