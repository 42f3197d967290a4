package dev.weir.internals.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Proves the watermark header encodes and decodes upstream task, watermark and idleness exactly, and rejects malformed headers. */
class WatermarkRecordsTest {

    @Test
    void headerRoundTripsTaskWatermarkAndIdleness() {
        assertThat(WatermarkRecords.read(WatermarkRecords.headers(7, 1_234_567_890_123L, false)))
                .isEqualTo(new WatermarkRecords.UpstreamWatermark(7, 1_234_567_890_123L, false));
        assertThat(WatermarkRecords.read(WatermarkRecords.headers(0, Long.MIN_VALUE, true)))
                .isEqualTo(new WatermarkRecords.UpstreamWatermark(0, Long.MIN_VALUE, true));
        assertThat(WatermarkRecords.read(WatermarkRecords.headers(Integer.MAX_VALUE, Long.MAX_VALUE, false)))
                .isEqualTo(new WatermarkRecords.UpstreamWatermark(Integer.MAX_VALUE, Long.MAX_VALUE, false));
        assertThat(WatermarkRecords.read(WatermarkRecords.headers(2, -5, true)))
                .isEqualTo(new WatermarkRecords.UpstreamWatermark(2, -5, true));
    }

    @Test
    void headerIsOneBigEndianThirteenBytePayload() {
        Headers headers = WatermarkRecords.headers(1, 2, true);

        assertThat(headers.toArray()).hasSize(1);
        assertThat(headers.lastHeader(WatermarkRecords.HEADER).value())
                .containsExactly(0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 1);
    }

    @Test
    void aDataRecordCarriesNoWatermark() {
        Headers headers = new RecordHeaders().add("trace-id", new byte[] {1, 2});

        assertThat(WatermarkRecords.read(headers)).isNull();
        assertThat(WatermarkRecords.read(new RecordHeaders())).isNull();
    }

    @Test
    void theLastWatermarkHeaderWins() {
        Headers headers = WatermarkRecords.headers(1, 10, false);
        headers.add(WatermarkRecords.HEADER, WatermarkRecords.headers(1, 20, true).lastHeader(WatermarkRecords.HEADER).value());

        assertThat(WatermarkRecords.read(headers)).isEqualTo(new WatermarkRecords.UpstreamWatermark(1, 20, true));
    }

    @Test
    void anyNonZeroIdleByteMeansIdle() {
        byte[] value = WatermarkRecords.headers(1, 10, false).lastHeader(WatermarkRecords.HEADER).value();
        value[12] = (byte) 0xFF;

        assertThat(WatermarkRecords.read(new RecordHeaders().add(WatermarkRecords.HEADER, value)).idle()).isTrue();
    }

    @Test
    void aHeaderOfTheWrongSizeFailsWithItsSize() {
        assertThatThrownBy(() -> WatermarkRecords.read(new RecordHeaders().add(WatermarkRecords.HEADER, new byte[12])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("12 bytes");
        assertThatThrownBy(() -> WatermarkRecords.read(new RecordHeaders().add(WatermarkRecords.HEADER, new byte[14])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("14 bytes");
        assertThatThrownBy(() -> WatermarkRecords.read(new RecordHeaders().add(WatermarkRecords.HEADER, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("0 bytes");
    }
}
