package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerKeyCodecTest {

    @Test
    void timerKeyIsKeyGroupThenTimestampThenKeyThenNamespace() {
        byte[] encoded = TimerKeyCodec.encode(3, 1L, new byte[] {5, 6}, new byte[] {7});

        assertThat(encoded).containsExactly(0, 3, 0x80, 0, 0, 0, 0, 0, 0, 1, 2, 5, 6, 7);
    }

    @Test
    void byteOrderIsNumericTimestampOrderIncludingNegativeTimes() {
        List<Long> timestamps = List.of(Long.MIN_VALUE, -1_000L, -1L, 0L, 1L, 1_000L, Long.MAX_VALUE);
        List<byte[]> keys = new ArrayList<>();
        for (long timestamp : timestamps) {
            keys.add(TimerKeyCodec.encode(0, timestamp, new byte[] {1}, new byte[0]));
        }
        List<byte[]> sorted = new ArrayList<>(keys);
        sorted.sort(ByteKeys.ORDER);

        assertThat(sorted).containsExactlyElementsOf(keys);
    }

    @Test
    void decodeReturnsWhatWasEncoded() {
        byte[] encoded = TimerKeyCodec.encode(65_535, -42L, new byte[] {1, 2, 3}, new byte[] {9, 9});

        TimerKeyCodec.Timer timer = TimerKeyCodec.decode(encoded);

        assertThat(timer.keyGroup()).isEqualTo(65_535);
        assertThat(timer.timestamp()).isEqualTo(-42L);
        assertThat(timer.key()).containsExactly(1, 2, 3);
        assertThat(timer.namespace()).containsExactly(9, 9);
        assertThat(TimerKeyCodec.timestampOf(encoded)).isEqualTo(-42L);
        assertThat(Arrays.copyOf(encoded, 2)).isEqualTo(StateKeyCodec.keyGroupPrefix(65_535));
    }
}
