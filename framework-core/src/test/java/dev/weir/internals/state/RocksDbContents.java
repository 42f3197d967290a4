package dev.weir.internals.state;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/** Reads everything a closed task state directory holds, straight from RocksDB. */
final class RocksDbContents {

    private RocksDbContents() {
    }

    /** Column family name to (hex key to hex value), all sorted. */
    static Map<String, Map<String, String>> read(Path directory) throws RocksDBException {
        List<byte[]> names;
        try (Options options = new Options()) {
            names = RocksDB.listColumnFamilies(options, directory.toString());
        }
        List<ColumnFamilyDescriptor> families = new ArrayList<>();
        names.forEach(name -> families.add(new ColumnFamilyDescriptor(name)));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        Map<String, Map<String, String>> contents = new TreeMap<>();
        try (DBOptions options = new DBOptions();
                RocksDB db = RocksDB.openReadOnly(options, directory.toString(), families, handles)) {
            for (ColumnFamilyHandle handle : handles) {
                Map<String, String> entries = new TreeMap<>();
                try (RocksIterator iterator = db.newIterator(handle)) {
                    for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
                        entries.put(HexFormat.of().formatHex(iterator.key()), HexFormat.of().formatHex(iterator.value()));
                    }
                }
                contents.put(new String(handle.getName(), StandardCharsets.UTF_8), entries);
            }
        } finally {
            handles.forEach(ColumnFamilyHandle::close);
        }
        return contents;
    }
}
