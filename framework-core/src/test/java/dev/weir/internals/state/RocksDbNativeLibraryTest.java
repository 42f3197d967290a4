package dev.weir.internals.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

class RocksDbNativeLibraryTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @Test
    void theLibraryIsExtractedOnceAndTheCopyIsReusedAtTheNextStart(@TempDir Path dir) throws Exception {
        Path first = RocksDbNativeLibrary.extract(dir);
        Files.setLastModifiedTime(first, LONG_AGO);

        Path second = RocksDbNativeLibrary.extract(dir);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).as("the copy was not written again").isEqualTo(LONG_AGO);
        assertThat(Files.readAllBytes(second)).isEqualTo(jarLibrary());
        try (var files = Files.list(dir)) {
            assertThat(files).as("no partial copy is left behind").containsExactly(first);
        }
    }

    @Test
    void aCopyThatDiffersFromTheJarsLibraryIsReplaced(@TempDir Path dir) throws Exception {
        Path library = RocksDbNativeLibrary.extract(dir);
        byte[] damaged = Files.readAllBytes(library);
        Arrays.fill(damaged, damaged.length / 2, damaged.length / 2 + 100, (byte) 0x5a);
        Files.write(library, damaged);
        Path truncated = dir.resolve("truncated");
        Files.createDirectories(truncated);
        Files.write(truncated.resolve(library.getFileName()), new byte[] {1, 2, 3});

        assertThat(Files.readAllBytes(RocksDbNativeLibrary.extract(dir))).isEqualTo(jarLibrary());
        assertThat(Files.readAllBytes(RocksDbNativeLibrary.extract(truncated))).isEqualTo(jarLibrary());
    }

    @Test
    void rocksDbWorksAfterLoadingTheLibraryFromTheCopy(@TempDir Path dir) throws Exception {
        RocksDbNativeLibrary.load(dir.resolve("native"));

        try (Options options = new Options().setCreateIfMissing(true);
             RocksDB db = RocksDB.open(options, dir.resolve("db").toString())) {
            db.put(new byte[] {1}, new byte[] {2});
            assertThat(db.get(new byte[] {1})).containsExactly(2);
        }
    }

    /** The library as the jar holds it. */
    private static byte[] jarLibrary() throws Exception {
        try (InputStream in = RocksDB.class.getClassLoader()
                .getResourceAsStream(Environment.getJniLibraryFileName("rocksdb"))) {
            return in.readAllBytes();
        }
    }
}
