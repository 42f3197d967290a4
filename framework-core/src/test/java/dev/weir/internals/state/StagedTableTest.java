package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

class StagedTableTest {

    @TempDir
    Path directory;

    private Options options;
    private RocksDB db;
    private StagedTable table;

    @BeforeEach
    void openDb() throws RocksDBException {
        options = new Options().setCreateIfMissing(true);
        db = RocksDB.open(options, directory.toString());
        table = new StagedTable("op/s", db, db.getDefaultColumnFamily(), new UndoLog());
    }

    @AfterEach
    void closeDb() {
        db.close();
        options.close();
    }

    @Test
    void scanMergesStagedAndCommittedEntriesInKeyOrder() throws RocksDBException {
        commit("a", "committed-a");
        commit("c", "committed-c");
        table.put(bytes("b"), bytes("staged-b"));
        table.put(bytes("d"), bytes("staged-d"));

        assertThat(render(table.scan(bytes(""), null, 10)))
                .containsExactly("a=committed-a", "b=staged-b", "c=committed-c", "d=staged-d");
    }

    @Test
    void aStagedValueShadowsTheCommittedValueOfTheSameKey() throws RocksDBException {
        commit("a", "old");
        table.put(bytes("a"), bytes("new"));

        assertThat(render(table.scan(bytes(""), null, 10))).containsExactly("a=new");
        assertThat(table.get(bytes("a"))).isEqualTo(bytes("new"));
    }

    @Test
    void aStagedDeletionHidesTheCommittedEntry() throws RocksDBException {
        commit("a", "1");
        commit("b", "2");
        commit("c", "3");
        table.delete(bytes("b"));
        table.delete(bytes("never-existed"));

        assertThat(render(table.scan(bytes(""), null, 10))).containsExactly("a=1", "c=3");
        assertThat(table.get(bytes("b"))).isNull();
    }

    @Test
    void scanStopsAtTheLimitCountingOnlyLiveEntries() throws RocksDBException {
        commit("a", "1");
        commit("b", "2");
        commit("c", "3");
        commit("d", "4");
        table.delete(bytes("a"));
        table.delete(bytes("b"));

        assertThat(render(table.scan(bytes(""), null, 1))).containsExactly("c=3");
    }

    @Test
    void scanHonoursTheRangeOnBothSides() throws RocksDBException {
        commit("a", "1");
        commit("b1", "2");
        table.put(bytes("b2"), bytes("3"));
        commit("c", "4");
        table.put(bytes("c0"), bytes("5"));

        assertThat(render(table.scan(bytes("b"), bytes("c"), 10))).containsExactly("b1=2", "b2=3");
    }

    @Test
    void keysCompareAsUnsignedBytesInOverlayAndRocksDbAlike() throws RocksDBException {
        byte[] high = {(byte) 0x80};
        byte[] low = {0x7F};
        db.put(high, bytes("committed-high"));
        table.put(low, bytes("staged-low"));
        table.put(new byte[] {(byte) 0xFF}, bytes("staged-top"));

        List<StoredEntry> entries = table.scan(new byte[0], null, 10);

        assertThat(entries).extracting(entry -> entry.key()[0])
                .containsExactly((byte) 0x7F, (byte) 0x80, (byte) 0xFF);
    }

    @Test
    void stagedChangesReachRocksDbOnlyWhenWrittenAsABatch() throws RocksDBException {
        table.put(bytes("a"), bytes("1"));
        table.delete(bytes("b"));
        commit("b", "old");

        assertThat(db.get(bytes("a"))).isNull();
        try (WriteBatch batch = new WriteBatch(); WriteOptions writeOptions = new WriteOptions()) {
            table.addStagedTo(batch);
            db.write(writeOptions, batch);
        }
        table.committed();

        assertThat(table.stagedCount()).isZero();
        assertThat(db.get(bytes("a"))).isEqualTo(bytes("1"));
        assertThat(db.get(bytes("b"))).isNull();
    }

    @Test
    void discardForgetsStagedChanges() throws RocksDBException {
        commit("a", "committed");
        table.put(bytes("a"), bytes("staged"));
        table.put(bytes("b"), bytes("staged"));

        table.discard();

        assertThat(render(table.scan(bytes(""), null, 10))).containsExactly("a=committed");
    }

    @Test
    void stagedChangesAreReportedWithNullForDeletions() {
        table.put(bytes("a"), bytes("1"));
        table.delete(bytes("b"));
        List<String> changes = new ArrayList<>();

        table.forEachStaged((stateId, key, value) ->
                changes.add(stateId + ":" + string(key) + "=" + (value == null ? "<deleted>" : string(value))));

        assertThat(changes).containsExactly("op/s:a=1", "op/s:b=<deleted>");
    }

    private void commit(String key, String value) throws RocksDBException {
        db.put(bytes(key), bytes(value));
    }

    private static List<String> render(List<StoredEntry> entries) {
        return entries.stream().map(entry -> string(entry.key()) + "=" + string(entry.value())).toList();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
