package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ByteEncodingTest {

    @Test
    void varintsRoundTripAcrossByteBoundaries() {
        for (int value : new int[] {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, Integer.MAX_VALUE}) {
            byte[] encoded = new byte[VarInt.size(value)];
            assertThat(VarInt.write(value, encoded, 0)).isEqualTo(encoded.length);
            ByteReader reader = new ByteReader(encoded);
            assertThat(reader.readVarInt()).isEqualTo(value);
            assertThat(reader.hasRemaining()).isFalse();
        }
    }

    @Test
    void aVarintLongerThanFiveBytesIsRejected() {
        byte[] endless = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1};

        assertThatThrownBy(() -> new ByteReader(endless).readVarInt())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Malformed");
    }

    @Test
    void prefixEndIsTheFirstKeyAfterEveryKeyWithThePrefix() {
        assertThat(ByteKeys.prefixEnd(new byte[] {1, 2})).containsExactly(1, 3);
        assertThat(ByteKeys.prefixEnd(new byte[] {1, (byte) 0xFF})).containsExactly(2);
        assertThat(ByteKeys.prefixEnd(new byte[] {(byte) 0xFF, (byte) 0xFF})).isNull();
    }

    @Test
    void listFramingKeepsElementBoundariesIncludingEmptyElements() {
        byte[] framed = ListCodec.append(ListCodec.append(null, List.of(new byte[] {1, 2})), List.of(new byte[0], new byte[] {3}));

        assertThat(ListCodec.decode(framed))
                .satisfiesExactly(
                        first -> assertThat(first).containsExactly(1, 2),
                        second -> assertThat(second).isEmpty(),
                        third -> assertThat(third).containsExactly(3));
    }
}
