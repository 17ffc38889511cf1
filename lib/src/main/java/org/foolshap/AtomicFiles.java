package org.foolshap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes that never leave a partial result where a previous one was. A file is written to a temporary file beside
 * it ({@code .NAME.RANDOM.tmp}) and renamed over it once complete; a result made of several files is written into a
 * fresh folder beside the target and swapped in once every file is there. If the work fails the temporary file or
 * folder is deleted and the previous result is untouched; if the JVM is stopped (Ctrl-C, SIGTERM) a shutdown hook
 * deletes what is still temporary. Temporary names start with a dot so they stay out of listings.
 *
 * <p>The rename is atomic on one file system (POSIX {@code rename}); swapping a folder takes two renames (the old
 * folder aside, the new one in), and a failure between them puts the old one back.
 */
public final class AtomicFiles {
    /** Writes one file's content. */
    @FunctionalInterface
    public interface FileBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the files of a result into a (fresh, empty) folder. */
    @FunctionalInterface
    public interface FolderBody {
        void write(Path folder) throws IOException;
    }

    private static final Map<Path, Runnable> PENDING = new ConcurrentHashMap<>();

    static {
        Thread hook = new Thread(() -> PENDING.values().forEach(Runnable::run), "foolshap-temporary-files");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically: {@code body} writes a temporary file beside it, which then replaces
     * {@code target}. Parent folders are created.
     *
     * @throws IllegalArgumentException when {@code target} is a folder
     */
    public static void write(Path target, FileBody body) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("cannot write " + target + ": it is a folder");
        }
        Path parent = createParent(target);
        Path tmp = parent.resolve("." + target.getFileName() + "." + random() + ".tmp");
        deleteOnExit(tmp);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                body.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            release(tmp);
        }
    }

    /**
     * Writes a multi-file result: {@code body} fills a fresh folder beside {@code target}, which is then swapped in
     * for {@code target} (whose previous content is deleted). If {@code body} fails, {@code target} keeps its
     * previous content and the fresh folder is deleted.
     *
     * @throws IllegalArgumentException when {@code target} exists and is not a folder
     */
    public static void writeFolder(Path target, FolderBody body) throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException("cannot write the folder " + target + ": a file has that name");
        }
        Path parent = createParent(target);
        String name = target.getFileName().toString();
        Path fresh = parent.resolve("." + name + "." + random() + ".tmp");
        Files.createDirectory(fresh);
        deleteOnExit(fresh);
        try {
            body.write(fresh);
            if (!Files.exists(target)) {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            Path old = parent.resolve("." + name + "." + random() + ".old");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            // Stopped between the two renames: put the old result back rather than leave none.
            PENDING.put(old, () -> {
                try {
                    if (!Files.exists(target)) {
                        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException ignored) {
                    // nothing better to do while the JVM stops
                }
            });
            try {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            } finally {
                PENDING.remove(old);
            }
            deleteTree(old);
        } finally {
            deleteTree(fresh);
            release(fresh);
        }
    }

    /**
     * Registers a temporary path (e.g. a download's {@code .part} file) to be deleted if the JVM stops before
     * {@link #release} is called.
     */
    public static void deleteOnExit(Path temporary) {
        PENDING.put(temporary, () -> deleteQuietly(temporary));
    }

    /** Forgets a path registered with {@link #deleteOnExit} (it was moved into place or deleted). */
    public static void release(Path temporary) {
        PENDING.remove(temporary);
    }

    private static Path createParent(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return parent;
    }

    private static String random() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteTree(p);
        } catch (IOException ignored) {
            // best effort while the JVM stops
        }
    }

    /** Deletes a file, or a folder and everything in it; nothing when it does not exist. */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(q);
                } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
                    // a concurrent writer; leave it
                }
            }
        }
    }
}
