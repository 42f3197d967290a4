package dev.weir.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/** The file-system chores of the benchmarks: output and state directories. */
final class Directories {

    private Directories() {
    }

    static void create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
    }

    /** A new empty directory under {@code java.io.tmpdir}. */
    static Path createTemp(String prefix) {
        try {
            return Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory", e);
        }
    }

    /** Deletes the tree, best effort: a file a dying process still holds stays behind in the temp directory. */
    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Left behind; harmless.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            ThroughputBenchmark.log("could not delete %s: %s", root, e);
        }
    }
}
