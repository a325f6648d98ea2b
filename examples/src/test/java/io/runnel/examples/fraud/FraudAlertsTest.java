package io.runnel.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.common.Serdes;
import io.runnel.examples.fraud.FraudAlerts.Alert;
import io.runnel.examples.fraud.FraudAlerts.Payment;
import io.runnel.streams.serde.JsonSerde;
import io.runnel.streams.testing.TestDriver;
import org.junit.jupiter.api.Test;

class FraudAlertsTest {

    @Test
    void shouldAlertOnceWhenACardIsUsedInTwoCountriesWithinFiveMinutesOnly() {
        try (TestDriver driver = new TestDriver(FraudAlerts.topology())) {
            var payments = driver.createInputTopic(FraudAlerts.INPUT, Serdes.string().serializer(),
                    JsonSerde.of(Payment.class).serializer());
            var alerts = driver.createOutputTopic(FraudAlerts.OUTPUT, Serdes.string().deserializer(),
                    JsonSerde.of(Alert.class).deserializer());
            long t0 = 1_767_225_600_000L;
            payments.pipeInput("c1", new Payment("c1", "FR", 10, t0), t0);
            payments.pipeInput("c1", new Payment("c1", "FR", 20, t0 + 60_000), t0 + 60_000);   // same country
            payments.pipeInput("c1", new Payment("c1", "BR", 30, t0 + 290_000), t0 + 290_000);  // 4m50s after the first
            payments.pipeInput("c2", new Payment("c2", "DE", 30, t0 + 300_000), t0 + 300_000);
            payments.pipeInput("c2", new Payment("c2", "US", 30, t0 + 601_000), t0 + 601_000);  // 5m01s later: no alert
            assertThat(alerts.readValuesToList()).containsExactly(
                    new Alert("c1", "FR", "BR", 290_000),
                    new Alert("c1", "FR", "BR", 230_000));
        }
    }

    @Test
    void shouldRunMain() {
        FraudAlerts.main(new String[0]);
    }
}
