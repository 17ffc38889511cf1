package org.foolshap.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds a dataset's raw files. Order: an explicit directory; the {@code FOOLSHAP_DATA} environment variable (a
 * directory laid out {@code <name>/<file>}); the per-user cache ({@code $XDG_CACHE_HOME/foolshap}, default
 * {@code ~/.cache/foolshap}, also laid out {@code <name>/<file>}); otherwise an error naming the fetch command.
 * An explicit directory may hold the files directly or under {@code <name>/}. {@code FOOLSHAP_MIRROR}, the
 * name the tests once read, is still honoured when {@code FOOLSHAP_DATA} is unset (deprecated).
 */
public final class DataLocator {
    /** Environment variable naming a local data directory. */
    public static final String DATA_ENV = "FOOLSHAP_DATA";
    /** Deprecated old name of {@link #DATA_ENV}, read only when that is unset. */
    public static final String DEPRECATED_DATA_ENV = "FOOLSHAP_MIRROR";

    private final Map<String, String> env;
    private final Path home;

    /** A locator reading the given environment and home directory (tests pass their own). */
    public DataLocator(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = home;
    }

    /** The locator of this process: {@link System#getenv()} and {@code $HOME} (else {@code user.home}). */
    public static DataLocator fromEnvironment() {
        String home = System.getenv("HOME");
        return new DataLocator(System.getenv(), Path.of(home != null && !home.isBlank() ? home
                : System.getProperty("user.home")));
    }

    /**
     * The data folder the environment names: {@code $FOOLSHAP_DATA}, else the deprecated {@code $FOOLSHAP_MIRROR};
     * null when neither is set.
     */
    public Path dataDir() {
        for (String name : List.of(DATA_ENV, DEPRECATED_DATA_ENV)) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Path.of(v);
            }
        }
        return null;
    }

    /** The per-user cache directory fetch writes to. */
    public Path cacheDir() {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("foolshap");
    }

    /**
     * The directory holding every file the dataset's loader requires.
     *
     * @param explicitDir a directory given by the user, or null
     */
    public Path resolve(Catalog.Entry entry, Path explicitDir) {
        List<String> need = entry.requires();
        if (explicitDir != null) {
            for (Path d : List.of(explicitDir.resolve(entry.name()), explicitDir)) {
                if (hasAll(d, need)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("dataset " + entry.name() + ": " + String.join(", ", need)
                    + " not found in " + explicitDir + " (looked in " + explicitDir.resolve(entry.name()) + " and "
                    + explicitDir + ")");
        }
        List<Path> tried = new ArrayList<>();
        Path data = dataDir();
        if (data != null) {
            Path d = data.resolve(entry.name());
            if (hasAll(d, need)) {
                return d;
            }
            tried.add(d);
        }
        Path cached = cacheDir().resolve(entry.name());
        if (hasAll(cached, need)) {
            return cached;
        }
        tried.add(cached);
        throw new IllegalArgumentException("dataset " + entry.name() + " is not available locally (looked in "
                + tried + "); download it with: java -jar lib/target/foolshap.jar fetch --dataset " + entry.name()
                + " (or, with a local copy, set " + DATA_ENV + "=DIR or pass --data-dir DIR)");
    }

    private static boolean hasAll(Path dir, List<String> files) {
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return false;
            }
        }
        return true;
    }
}
