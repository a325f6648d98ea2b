package io.runnel.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.ManualTime;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
    final ManualTime time = new ManualTime();
    final MetricsRegistry registry = new MetricsRegistry(time);

    @Test
    void shouldReturnTheSameMetricForTheSameNameAndRejectAnotherKind() {
        MetricName name = MetricName.of("g", "puts", "store", "a");
        Counter c = registry.counter(name);
        assertThat(registry.counter(MetricName.of("g", "puts", "store", "a"))).isSameAs(c);
        assertThatThrownBy(() -> registry.histogram(name)).isInstanceOf(IllegalArgumentException.class);
        assertThat(name.toString()).isEqualTo("g:puts,store=a");
    }

    @Test
    void shouldCountConcurrentIncrementsExactly() throws Exception {
        Counter c = registry.counter(MetricName.of("g", "c"));
        Histogram h = registry.histogram(MetricName.of("g", "h"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            fs.add(pool.submit(() -> {
                for (int i = 0; i < 100_000; i++) {
                    c.increment();
                    h.record(i);
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(c.count()).isEqualTo(400_000);
        assertThat(h.count()).isEqualTo(400_000);
    }

    @Test
    void shouldReportPercentilesWithinTheBucketError() {
        Histogram h = registry.histogram(MetricName.of("g", "latency"));
        Random random = new Random(42);
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) (Math.exp(random.nextDouble() * 16));
            h.record(values[i]);
        }
        java.util.Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat(h.percentile(p)).as("p%s", p).isBetween(exact, (long) (exact * 1.04) + 1);
        }
        assertThat(h.percentile(100)).isGreaterThanOrEqualTo(values[values.length - 1]);
        assertThat(h.mean()).isPositive();
    }

    @Test
    void shouldMapEveryValueIntoABucketWhoseUpperBoundCoversIt() {
        for (long v : new long[] {0, 1, 63, 64, 65, 127, 128, 1000, 1L << 40, Long.MAX_VALUE}) {
            int i = Histogram.index(v);
            assertThat(Histogram.upperBound(i)).isGreaterThanOrEqualTo(v);
            if (i > 0) {
                assertThat(Histogram.upperBound(i - 1)).isLessThan(v);
            }
        }
        assertThat(registry.histogram(MetricName.of("g", "empty")).percentile(99)).isZero();
    }

    @Test
    void shouldComputeRateOverTheSlidingWindow() {
        Meter m = registry.meter(MetricName.of("g", "rate"));
        for (int s = 0; s < 10; s++) {
            m.mark(100);
            time.advance(1000);
        }
        assertThat(m.count()).isEqualTo(1000);
        assertThat(m.rate()).isBetween(90.0, 101.0);
        time.advance(60_000);
        assertThat(m.rate()).isZero();
    }

    @Test
    void shouldRemoveMetricsByTag() {
        registry.counter(MetricName.of("g", "a", "store", "x", "task", "1"));
        registry.counter(MetricName.of("g", "b", "store", "y", "task", "1"));
        registry.removeAll(java.util.Map.of("store", "x"));
        assertThat(registry.metrics()).extracting(Metric::metricName).extracting(MetricName::name).containsExactly("b");
    }
}
