package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChangelogRecordCodecTest {

    @Test
    void keyIsLengthPrefixedUtf8StateIdThenDbKey() {
        byte[] key = ChangelogRecordCodec.encodeKey("op/s", new byte[] {0, 1, 2});

        assertThat(key).containsExactly(4, 'o', 'p', '/', 's', 0, 1, 2);
    }

    @Test
    void decodeReturnsTheStateIdDbKeyAndValueThatWereEncoded() {
        byte[] dbKey = StateKeyCodec.mapEntryKey(17, new byte[] {1, 2}, new byte[0], new byte[] {3});
        byte[] value = "payload".getBytes(StandardCharsets.UTF_8);

        ChangelogEntry entry = ChangelogRecordCodec.decode(ChangelogRecordCodec.encodeKey("fraud-détecteur/counts", dbKey), value);

        assertThat(entry.stateId()).isEqualTo("fraud-détecteur/counts");
        assertThat(entry.dbKey()).isEqualTo(dbKey);
        assertThat(entry.value()).isEqualTo(value);
    }

    @Test
    void aNullValueDecodesAsADeletion() {
        ChangelogEntry entry = ChangelogRecordCodec.decode(ChangelogRecordCodec.encodeKey("op/s", new byte[] {9}), null);

        assertThat(entry.value()).isNull();
        assertThat(entry.dbKey()).containsExactly(9);
    }

    @Test
    void aTruncatedKeyIsRejected() {
        assertThatThrownBy(() -> ChangelogRecordCodec.decode(new byte[] {10, 'o', 'p'}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Truncated");
    }
}
