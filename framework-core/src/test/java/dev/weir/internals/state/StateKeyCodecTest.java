package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StateKeyCodecTest {

    private static final byte[] KEY = {10, 20, 30};
    private static final byte[] NAMESPACE = {7, 8};

    @Test
    void stateKeyIsKeyGroupThenLengthPrefixedKeyThenLengthPrefixedNamespace() {
        assertThat(StateKeyCodec.stateKey(0x0102, KEY, NAMESPACE))
                .containsExactly(0x01, 0x02, 3, 10, 20, 30, 2, 7, 8);
    }

    @Test
    void mapEntryKeyAppendsTheUserKeyToTheStateKey() {
        byte[] stateKey = StateKeyCodec.stateKey(5, KEY, NAMESPACE);
        byte[] entryKey = StateKeyCodec.mapEntryKey(5, KEY, NAMESPACE, new byte[] {42, 43});

        assertThat(Arrays.copyOf(entryKey, stateKey.length)).isEqualTo(stateKey);
        assertThat(Arrays.copyOfRange(entryKey, stateKey.length, entryKey.length)).containsExactly(42, 43);
    }

    @Test
    void keyGroupIsAnUnsignedBigEndianPrefixOfEveryKey() {
        byte[] entryKey = StateKeyCodec.mapEntryKey(65_535, KEY, new byte[0], new byte[] {1});

        assertThat(StateKeyCodec.keyGroupPrefix(65_535)).containsExactly(0xFF, 0xFF);
        assertThat(Arrays.copyOf(entryKey, 2)).isEqualTo(StateKeyCodec.keyGroupPrefix(65_535));
        assertThat(StateKeyCodec.keyGroupOf(entryKey)).isEqualTo(65_535);
    }

    @Test
    void keysOfALowerKeyGroupSortBeforeKeysOfAHigherOne() {
        byte[] low = StateKeyCodec.stateKey(255, new byte[] {(byte) 0xFF, (byte) 0xFF}, new byte[0]);
        byte[] high = StateKeyCodec.stateKey(256, new byte[] {0}, new byte[0]);

        assertThat(ByteKeys.ORDER.compare(low, high)).isNegative();
    }

    @Test
    void lengthPrefixesKeepOneKeysPrefixFromMatchingAnotherKey() {
        byte[] shortKeyPrefix = StateKeyCodec.stateKey(1, new byte[] {1}, new byte[0]);
        byte[] longerKeyEntry = StateKeyCodec.mapEntryKey(1, new byte[] {1, 0}, new byte[0], new byte[] {9});

        assertThat(startsWith(longerKeyEntry, shortKeyPrefix)).isFalse();
    }

    @Test
    void longKeysGetMultiByteVarintLengths() {
        byte[] key = new byte[300];
        byte[] stateKey = StateKeyCodec.stateKey(0, key, new byte[0]);

        // 300 = 0b10_0101100: low seven bits with the continuation bit, then 2.
        assertThat(Arrays.copyOfRange(stateKey, 2, 4)).containsExactly(0xAC, 0x02);
        assertThat(stateKey).hasSize(2 + 2 + 300 + 1);
    }

    @Test
    void keyGroupsOutsideTwoUnsignedBytesAreRejected() {
        assertThatThrownBy(() -> StateKeyCodec.keyGroupPrefix(65_536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536");
        assertThatThrownBy(() -> StateKeyCodec.stateKey(-1, KEY, NAMESPACE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }
}
