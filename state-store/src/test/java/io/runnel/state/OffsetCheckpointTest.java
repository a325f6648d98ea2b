package io.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.common.TopicPartition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatWasWrittenInAVersionedTextFormat() throws IOException {
        OffsetCheckpoint cp = new OffsetCheckpoint(dir.resolve(".checkpoint"));
        Map<TopicPartition, Long> offsets = Map.of(new TopicPartition("app-a-changelog", 3), 42L,
                new TopicPartition("app-b-changelog", 0), 0L);
        cp.write(offsets);
        assertThat(cp.read()).isEqualTo(offsets);
        assertThat(Files.readString(cp.file())).startsWith("runnel-offset-checkpoint\n1\n2\napp-a-changelog 3 42\n");
        assertThat(Files.exists(dir.resolve(".checkpoint.tmp"))).isFalse();
    }

    @Test
    void shouldReadNothingWhenTheFileIsMissing() {
        assertThat(new OffsetCheckpoint(dir.resolve("none")).read()).isEmpty();
    }

    @Test
    void shouldRejectTruncatedAlteredOrForeignFiles() throws IOException {
        OffsetCheckpoint cp = new OffsetCheckpoint(dir.resolve(".checkpoint"));
        cp.write(Map.of(new TopicPartition("t", 0), 7L));
        String good = Files.readString(cp.file());
        for (String bad : new String[] {good.substring(0, good.length() - 5), good.replace("t 0 7", "t 0 8"),
                good.replace("\n1\n", "\n2\n"), "0\n1\nt 0 7\n", ""}) {
            Files.writeString(cp.file(), bad);
            assertThatThrownBy(cp::read).as(bad).isInstanceOf(ProcessorStateException.class).hasMessageContaining("corrupt");
        }
    }
}
