package dev.weir.internals.state;

import dev.weir.state.StateTtlConfig;
import dev.weir.state.StateTtlConfig.StateVisibility;
import dev.weir.state.StateTtlConfig.UpdateType;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Stores payloads behind an 8-byte big-endian expiry time (processing-time epoch millis).
 * The expiry travels with the value into the changelog, so a restored entry expires when
 * the original would have.
 */
final class TtlValueStorage implements ValueStorage {

    private static final int EXPIRY_BYTES = 8;

    private final long ttlMillis;
    private final boolean refreshOnRead;
    private final boolean returnExpired;
    private final LongSupplier clock;

    TtlValueStorage(StateTtlConfig config, LongSupplier clock) {
        this.ttlMillis = saturatedMillis(config);
        this.refreshOnRead = config.updateType() == UpdateType.ON_READ_AND_WRITE;
        this.returnExpired = config.stateVisibility() == StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP;
        this.clock = clock;
    }

    @Override
    public byte[] visible(StagedTable table, byte[] key, byte[] stored) {
        if (stored == null) {
            return null;
        }
        long now = clock.getAsLong();
        byte[] payload = payloadOf(stored);
        if (isExpired(stored, now)) {
            // Whether or not the value is returned, this read is its clean-up.
            table.delete(key);
            return returnExpired ? payload : null;
        }
        if (refreshOnRead) {
            table.put(key, wrap(payload, now));
        }
        return payload;
    }

    @Override
    public byte[] readForUpdate(StagedTable table, byte[] key) {
        byte[] stored = table.get(key);
        return stored == null || isExpired(stored, clock.getAsLong()) ? null : payloadOf(stored);
    }

    @Override
    public void write(StagedTable table, byte[] key, byte[] payload) {
        table.put(key, wrap(payload, clock.getAsLong()));
    }

    boolean isExpired(byte[] stored, long now) {
        return new ByteReader(stored).readLong() <= now;
    }

    private byte[] wrap(byte[] payload, long now) {
        long expiry = now > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : now + ttlMillis;
        byte[] stored = new byte[EXPIRY_BYTES + payload.length];
        for (int i = 0; i < EXPIRY_BYTES; i++) {
            stored[i] = (byte) (expiry >>> (56 - 8 * i));
        }
        System.arraycopy(payload, 0, stored, EXPIRY_BYTES, payload.length);
        return stored;
    }

    private static byte[] payloadOf(byte[] stored) {
        return Arrays.copyOfRange(stored, EXPIRY_BYTES, stored.length);
    }

    private static long saturatedMillis(StateTtlConfig config) {
        try {
            return config.ttl().toMillis();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
