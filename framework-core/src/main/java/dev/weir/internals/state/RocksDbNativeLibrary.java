package dev.weir.internals.state;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads RocksDB's native library from a copy kept in a directory of Weir's own, extracted from
 * the rocksdbjni jar once. RocksDB's own loader inflates the library (some 17 MB) into a new
 * temporary file at every start, which costs a restart about a second on a busy machine; and a
 * JVM killed with SIGKILL never deletes that file, so an instance that crashes and restarts over
 * and over fills the temporary directory.
 *
 * <p>The copy is checked against the jar's entry (size and CRC) at every load, and replaced
 * atomically when it differs, so a new rocksdbjni version or a half-written copy is never loaded.
 * Whatever goes wrong falls back to RocksDB's own loader.
 */
public final class RocksDbNativeLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDbNativeLibrary.class);
    /** The jar's name of the library for this platform, e.g. {@code librocksdbjni-linux64.so}. */
    private static final String JAR_ENTRY = Environment.getJniLibraryFileName("rocksdb");
    /**
     * The file name {@link RocksDB#loadLibrary(List)} looks for in a directory, which it derives
     * from {@code "rocksdbjni"} (e.g. {@code librocksdbjnijni-linux64.so}). Should a later RocksDB
     * look for another name, the load from the copy fails and the usual loader takes over.
     */
    private static final String COPY = Environment.getJniLibraryFileName("rocksdbjni");

    private RocksDbNativeLibrary() {
    }

    /** Loads the native library, from {@code directory} if it can keep a copy there. Idempotent. */
    public static synchronized void load(Path directory) {
        try {
            Path library = extract(directory);
            RocksDB.loadLibrary(List.of(library.getParent().toAbsolutePath().toString()));
            return;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.info("Loading RocksDB's native library the usual way: the copy in {} cannot be used: {}",
                    directory, e.toString());
        }
        RocksDB.loadLibrary();
    }

    /**
     * The library file in {@code directory}, extracted from the jar unless an identical copy is
     * there already.
     *
     * @throws IOException if the jar holds no library for this platform, or it cannot be copied
     */
    static Path extract(Path directory) throws IOException {
        JarEntry entry = jarEntry(JAR_ENTRY);
        Path library = directory.resolve(COPY);
        if (Files.isRegularFile(library) && Files.size(library) == entry.getSize() && crc(library) == entry.getCrc()) {
            return library;
        }
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, COPY, ".partial");
        try {
            try (InputStream in = RocksDB.class.getClassLoader().getResourceAsStream(JAR_ENTRY)) {
                if (in == null) {
                    throw new IOException(JAR_ENTRY + " is not on the class path");
                }
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            // Another process may load the old copy meanwhile: a rename leaves its file intact.
            try {
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        LOG.info("Extracted RocksDB's native library to {}", library);
        return library;
    }

    /** The jar entry of the library, whose size and CRC the jar records without inflating it. */
    private static JarEntry jarEntry(String name) throws IOException {
        URL url = RocksDB.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IOException(name + " is not on the class path");
        }
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection)) {
            throw new IOException(name + " is not inside a jar: " + url);
        }
        JarEntry entry = ((JarURLConnection) connection).getJarEntry();
        if (entry.getSize() < 0 || entry.getCrc() < 0) {
            throw new IOException("the jar does not record the size and CRC of " + name);
        }
        return entry;
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }
}
