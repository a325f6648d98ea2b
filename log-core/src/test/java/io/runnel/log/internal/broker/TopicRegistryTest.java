package io.runnel.log.internal.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.Time;
import io.runnel.log.CleanupPolicy;
import io.runnel.log.FlushPolicy;
import io.runnel.log.InvalidConfigurationException;
import io.runnel.log.InvalidTopicException;
import io.runnel.log.NewTopic;
import io.runnel.log.TopicConfig;
import io.runnel.log.TopicExistsException;
import io.runnel.log.UnknownTopicException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicRegistryTest {
    @TempDir
    Path dir;

    private TopicRegistry registry() {
        TopicRegistry r = new TopicRegistry(dir, StoragePartition.factory(FlushPolicy.NONE, Time.SYSTEM));
        r.load();
        return r;
    }

    @Test
    void shouldRestoreTopicsWithTheirConfigurationAfterRestart() {
        TopicRegistry r = registry();
        r.create(new NewTopic("orders", 3, Map.of("cleanup.policy", "compact", "retention.ms", "1000")), false);
        r.create(new NewTopic("__internal", 1), true);
        r.alterConfig("orders", Map.of("retention.ms", "2000"));
        r.close();
        TopicRegistry again = registry();
        assertThat(again.names(false)).containsExactly("orders");
        assertThat(again.names(true)).containsExactly("__internal", "orders");
        TopicConfig config = again.get("orders").config();
        assertThat(config.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(config.retentionMs()).isEqualTo(2000);
        assertThat(again.get("orders").partitions()).hasSize(3);
        assertThat(again.get("__internal").describe().internal()).isTrue();
    }

    @Test
    void shouldWriteVersionedJsonMetadata() throws Exception {
        registry().create(new NewTopic("orders", 2, Map.of("segment.bytes", "4096")), false);
        String json = Files.readString(dir.resolve("topics/orders.json"));
        assertThat(json).contains("\"type\" : \"runnel.topic\"", "\"version\" : 1", "\"partitions\" : 2",
                "\"segment.bytes\" : \"4096\"", "\"internal\" : false");
    }

    @Test
    void shouldRejectDuplicatesUnknownTopicsAndBadConfigurationClearly() {
        TopicRegistry r = registry();
        r.create(new NewTopic("a", 1), false);
        assertThatThrownBy(() -> r.create(new NewTopic("a", 2), false)).isInstanceOf(TopicExistsException.class)
                .hasMessageContaining("'a'");
        assertThatThrownBy(() -> r.get("b")).isInstanceOf(UnknownTopicException.class).hasMessageContaining("'b'");
        assertThatThrownBy(() -> r.create(new NewTopic("c", 1, Map.of("retention.mss", "1")), false))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("retention.mss");
        assertThatThrownBy(() -> r.alterConfig("a", Map.of("segment.bytes", "12")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("segment.bytes");
        assertThat(r.names(true)).containsExactly("a");
        assertThatThrownBy(() -> new NewTopic("bad name", 1)).isInstanceOf(InvalidTopicException.class);
    }

    @Test
    void shouldRevertAPropertyToItsDefaultWhenAlteredToNull() {
        TopicRegistry r = registry();
        r.create(new NewTopic("a", 1, Map.of("retention.ms", "5")), false);
        Map<String, String> change = new HashMap<>();
        change.put("retention.ms", null);
        assertThat(r.alterConfig("a", change).retentionMs()).isEqualTo(TopicConfig.DEFAULT.retentionMs());
    }

    @Test
    void shouldDeleteATopicSoThatARecreatedOneStartsEmpty() throws Exception {
        TopicRegistry r = registry();
        r.create(new NewTopic("a", 2), false);
        Files.createDirectories(dir.resolve("data/a-0"));
        Files.writeString(dir.resolve("data/a-0/00000000000000000000.log"), "old");
        Files.createDirectories(dir.resolve("data/a-b-0"));
        r.delete("a");
        assertThat(dir.resolve("data/a-0")).doesNotExist();
        assertThat(dir.resolve("data/a-b-0")).exists();
        assertThat(r.find("a")).isNull();
        assertThatThrownBy(() -> r.delete("a")).isInstanceOf(UnknownTopicException.class);
    }

    @Test
    void shouldFinishADeletionInterruptedByACrash() throws Exception {
        TopicRegistry r = registry();
        r.create(new NewTopic("a", 1), false);
        Files.createDirectories(dir.resolve("data/a-0"));
        Files.move(dir.resolve("topics/a.json"), dir.resolve("topics/a.deleting")); // crash after step 1
        TopicRegistry again = registry();
        assertThat(again.find("a")).isNull();
        assertThat(dir.resolve("data/a-0")).doesNotExist();
        assertThat(dir.resolve("topics/a.deleting")).doesNotExist();
    }

    @Test
    void shouldNeverRepeatAProducerIdAcrossRestarts() {
        ProducerIdManager ids = new ProducerIdManager(dir);
        long first = ids.nextProducerId();
        long second = ids.nextProducerId();
        assertThat(second).isEqualTo(first + 1);
        ProducerIdManager afterRestart = new ProducerIdManager(dir);
        assertThat(afterRestart.nextProducerId()).isGreaterThan(second);
    }
}
