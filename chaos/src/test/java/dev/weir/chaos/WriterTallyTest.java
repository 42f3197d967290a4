package dev.weir.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WriterTallyTest {

    private final WriterTally tally = new WriterTally();

    @Test
    void theCheckerSeesTheValueWithoutItsWriter() {
        assertThat(read("17:3|instance-2/pid-41")).isEqualTo("17:3");
    }

    @Test
    void aValueReadTwiceNamesTheWritersOfBothCopies() {
        read("17:3|instance-1/pid-40");
        read("18:1|instance-1/pid-40");
        read("17:3|instance-3/pid-52");

        assertThat(tally.ofDuplicates()).isEqualTo(Map.of("[instance-1/pid-40, instance-3/pid-52]", 1));
    }

    private String read(String value) {
        return tally.deserialize("chaos-output", value.getBytes(StandardCharsets.UTF_8));
    }
}
