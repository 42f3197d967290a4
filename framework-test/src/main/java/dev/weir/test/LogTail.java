package dev.weir.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Follows a log file that another process appends to, line by line, remembering the last few
 * lines for failure messages. Reads only what was appended since the previous read.
 */
final class LogTail {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final int linesKept;
    private final Deque<String> lastLines = new ArrayDeque<>();
    // Bytes after the last newline: a line the process has not finished writing.
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private long position;

    /**
     * Starts following a file.
     *
     * @param file      the file; it need not exist yet
     * @param position  the byte offset to start at, e.g. the size the file had before the
     *                  process started appending
     * @param linesKept how many of the most recent lines to remember
     */
    LogTail(Path file, long position, int linesKept) {
        this.file = file;
        this.position = position;
        this.linesKept = linesKept;
    }

    /**
     * Reads the lines completed since the previous call and returns the first that matches.
     * Later lines of the same read are remembered but not matched again.
     *
     * @param matcher the line test
     * @return the first matching new line, if any
     */
    Optional<String> findNew(Predicate<String> matcher) {
        Optional<String> found = Optional.empty();
        for (String line : readNewLines()) {
            if (found.isEmpty() && matcher.test(line)) {
                found = Optional.of(line);
            }
        }
        return found;
    }

    /**
     * The most recent lines read, oldest first, including an unfinished last line.
     *
     * @return up to the configured number of lines
     */
    List<String> lastLines() {
        List<String> lines = new ArrayList<>(lastLines);
        if (partialLine.size() > 0) {
            lines.add(partialLine.toString(StandardCharsets.UTF_8));
        }
        return lines.subList(Math.max(0, lines.size() - linesKept), lines.size());
    }

    private List<String> readNewLines() {
        List<String> lines = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            int read;
            while ((read = channel.read(buffer, position)) > 0) {
                position += read;
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    // Splitting on the newline byte is safe in UTF-8: it never occurs inside
                    // a multi-byte character.
                    if (b == '\n') {
                        lines.add(completeLine());
                    } else {
                        partialLine.write(b);
                    }
                }
                buffer.clear();
            }
        } catch (NoSuchFileException e) {
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return lines;
    }

    private String completeLine() {
        String line = partialLine.toString(StandardCharsets.UTF_8);
        partialLine.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        lastLines.addLast(line);
        if (lastLines.size() > linesKept) {
            lastLines.removeFirst();
        }
        return line;
    }
}
