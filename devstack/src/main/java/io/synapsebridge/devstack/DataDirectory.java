package io.synapsebridge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where an embedded service keeps its files: a fresh temporary directory removed on close, or a directory the user
 * named, which must exist and is kept.
 */
public final class DataDirectory implements AutoCloseable {
    private final Path path;
    private final boolean temporary;

    private DataDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    public static DataDirectory temporary(String prefix) {
        try {
            return new DataDirectory(Files.createTempDirectory(prefix), true);
        } catch (IOException e) {
            throw new DevStackException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    /** A kept directory: {@code root} must exist; {@code child} below it is created if missing. */
    public static DataDirectory kept(Path root, String child) {
        if (!Files.isDirectory(root)) {
            throw new DevStackException("data directory " + root + " does not exist (create it first)");
        }
        if (!Files.isWritable(root)) {
            throw new DevStackException("data directory " + root + " is not writable");
        }
        Path dir = root.resolve(child);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DevStackException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return new DataDirectory(dir, false);
    }

    public Path path() {
        return path;
    }

    public boolean isTemporary() {
        return temporary;
    }

    /** Removes the directory if it is temporary; a kept directory stays as it is. */
    @Override
    public void close() {
        if (temporary) {
            deleteRecursively(path);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new DevStackException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
