package dev.weir.internals.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.weir.config.WeirConfigException;

/**
 * This instance's directory under {@code weir.state-dir}: it holds the task state, the
 * instance id (kept across restarts, so that a restarted instance reuses its transactional ids
 * and its first {@code initTransactions} aborts what the crashed process left open) and a lock
 * that keeps two processes out of the same directory.
 */
public final class InstanceDirectory implements AutoCloseable {

    private final Path directory;
    private final String instanceId;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private InstanceDirectory(Path directory, String instanceId, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.instanceId = instanceId;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Locks {@code <stateDir>/<applicationId>} and reads or creates the instance id. */
    public static InstanceDirectory open(Path stateDir, String applicationId, String configuredInstanceId) {
        Path directory = stateDir.resolve(applicationId);
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new WeirConfigException("weir.state-dir", directory + " is in use by another Weir instance; "
                        + "give each instance on a machine its own state directory");
            }
            return new InstanceDirectory(directory, instanceId(directory, configuredInstanceId), channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new WeirConfigException("weir.state-dir", "cannot use " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static String instanceId(Path directory, String configured) throws IOException {
        Path file = directory.resolve("instance.id");
        if (configured != null) {
            Files.writeString(file, configured, StandardCharsets.UTF_8);
            return configured;
        }
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        String created = UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(file, created, StandardCharsets.UTF_8);
        return created;
    }

    public String instanceId() {
        return instanceId;
    }

    /** The directory of a task's RocksDB state. */
    public Path taskDirectory(String name) {
        return directory.resolve("tasks").resolve(name);
    }

    /** The names of the task directories present, for assignment hints. */
    public List<String> taskDirectoryNames() {
        Path tasks = directory.resolve("tasks");
        if (!Files.isDirectory(tasks)) {
            return List.of();
        }
        try (var entries = Files.list(tasks)) {
            return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it as well
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing useful to do when releasing a lock file fails
            }
        }
    }
}
