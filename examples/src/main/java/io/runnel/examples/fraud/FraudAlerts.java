package io.runnel.examples.fraud;

import io.runnel.common.Serdes;
import io.runnel.streams.StreamsBuilder;
import io.runnel.streams.Topology;
import io.runnel.streams.dsl.Consumed;
import io.runnel.streams.dsl.JoinWindows;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.Produced;
import io.runnel.streams.dsl.StreamJoined;
import io.runnel.streams.serde.JsonSerde;
import io.runnel.streams.testing.TestDriver;
import java.time.Duration;

/**
 * Raises an alert when a card is used in two different countries within five minutes: a
 * stream-stream self-join of card payments by card number. Input: {@code payments} (key card
 * number, JSON {@link Payment}). Output: {@code fraud-alerts} (key card number, JSON {@link Alert}),
 * one alert per pair, emitted when the later payment arrives.
 */
public final class FraudAlerts {
    public static final String INPUT = "payments";
    public static final String OUTPUT = "fraud-alerts";

    /** A card payment. */
    public record Payment(String card, String country, double amount, long atMs) {
    }

    /** Two payments of one card in different countries close together. */
    public record Alert(String card, String firstCountry, String secondCountry, long gapMs) {
    }

    private FraudAlerts() {
    }

    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<Payment> paymentSerde = JsonSerde.of(Payment.class);
        KStream<String, Payment> payments = builder.stream(INPUT, Consumed.with(Serdes.string(), paymentSerde));
        KStream<String, Payment> later = payments.filter((card, p) -> true);
        payments.join(later, (first, second) -> first.atMs() < second.atMs() && !first.country().equals(second.country())
                                ? new Alert(first.card(), first.country(), second.country(), second.atMs() - first.atMs())
                                : null,
                        JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMinutes(5)),
                        StreamJoined.with(Serdes.string(), paymentSerde, paymentSerde).withName("same-card-5min"))
                .filter((card, alert) -> alert != null)
                .to(OUTPUT, Produced.with(Serdes.string(), JsonSerde.of(Alert.class)));
        return builder.build();
    }

    public static void main(String[] args) {
        try (TestDriver driver = new TestDriver(topology())) {
            var payments = driver.createInputTopic(INPUT, Serdes.string().serializer(), JsonSerde.of(Payment.class).serializer());
            long t0 = 1_767_225_600_000L;
            pay(payments, new Payment("4111", "FR", 12.5, t0));
            pay(payments, new Payment("4111", "FR", 40.0, t0 + 60_000));
            pay(payments, new Payment("4111", "BR", 900.0, t0 + 120_000));
            pay(payments, new Payment("5500", "DE", 10.0, t0));
            pay(payments, new Payment("5500", "US", 10.0, t0 + 3_600_000));
            driver.createOutputTopic(OUTPUT, Serdes.string().deserializer(), JsonSerde.of(Alert.class).deserializer())
                    .readValuesToList().forEach(System.out::println);
        }
    }

    private static void pay(io.runnel.streams.testing.TestInputTopic<String, Payment> topic, Payment p) {
        topic.pipeInput(p.card(), p, p.atMs());
    }
}
