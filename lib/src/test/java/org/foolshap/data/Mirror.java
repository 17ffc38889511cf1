package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Assumptions;

/**
 * Real raw data for tests, found the way a user's data is: the data folder when one is configured
 * ({@code $FOOLSHAP_DATA}, the deprecated {@code $FOOLSHAP_MIRROR}, else the first {@code shared/datasets} walking up
 * from the working directory: the mirror beside the clone, /work/shared beside /work/main and in CI); else the
 * per-user cache {@code ~/.cache/foolshap} that {@code fetch} fills; else a checksummed fetch into that cache when the
 * network allows (tried once per dataset and JVM). Without any, the test is skipped with the reason and the one
 * command that makes it run ("...; run: COMMAND", which {@code environment/workbench test} lists at the end), and
 * fails under {@code CI=true}, where the mirror is expected. Every directory returned is laid out
 * {@code <dataset>/<file>}.
 */
public final class Mirror {
    /** The command a skipped test names; the same one the loader's error suggests. */
    static final String FETCH = "java -jar lib/target/foolshap.jar fetch --dataset ";

    private static final Map<String, String> FETCH_FAILED = new ConcurrentHashMap<>();

    private Mirror() {
    }

    /** The configured data folder (environment, else {@code shared/datasets} walking up), or null. */
    public static Path dir() {
        return dir(DataLocator.fromEnvironment(), Path.of("").toAbsolutePath());
    }

    static Path dir(DataLocator locator, Path start) {
        Path configured = locator.dataDir();
        if (configured != null) {
            return Files.isDirectory(configured) ? configured : null;
        }
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * A directory holding {@code <dataset>/<file>} for every file: the data folder, else the cache, else the cache
     * after fetching; otherwise the calling test is skipped (failed under CI=true) saying why and what to run.
     */
    public static Path require(String dataset, String... files) {
        Found found = find(DataLocator.fromEnvironment(), Path.of("").toAbsolutePath(), Mirror::fetch, dataset, files);
        if (found.dir() != null) {
            return found.dir();
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(found.why() + " (CI=true: the mirror ../shared/datasets is expected)");
        }
        Assumptions.abort(found.why() + "; run: " + FETCH + dataset);
        return null; // not reached
    }

    /** Where the files are, or (dir null) why they are nowhere. */
    record Found(Path dir, String why) {
    }

    /**
     * The lookup behind {@link #require}: {@code fetch} fills the cache given for a dataset and returns null, or
     * returns why it could not.
     */
    static Found find(DataLocator locator, Path start, BiFunction<String, Path, String> fetch, String dataset,
                      String... files) {
        Path mirror = dir(locator, start);
        if (mirror != null && hasAll(mirror, dataset, files)) {
            return new Found(mirror, null);
        }
        Path cache = locator.cacheDir();
        if (hasAll(cache, dataset, files)) {
            return new Found(cache, null);
        }
        String fetchFailure = fetch.apply(dataset, cache);
        if (fetchFailure == null && hasAll(cache, dataset, files)) {
            return new Found(cache, null);
        }
        String where = mirror == null ? "no data folder (" + DataLocator.DATA_ENV + " unset, no shared/datasets beside"
                + " the project)" : "not in " + mirror.resolve(dataset);
        return new Found(null, "needs " + dataset + " " + List.of(files) + ": " + where + ", not in "
                + cache.resolve(dataset) + (fetchFailure == null ? "" : ", fetch: " + fetchFailure));
    }

    /** Fetches into the cache once per dataset; null on success, else why it failed. */
    static String fetch(String dataset, Path cache) {
        return FETCH_FAILED.computeIfAbsent(dataset, d -> {
            try {
                Catalog.Entry entry = Catalog.load().entry(d);
                new Fetcher(cache, line -> { }, Duration.ofSeconds(30), Duration.ofSeconds(5)).fetch(entry, null);
                return "";
            } catch (Fetcher.FetchException e) {
                String m = e.getMessage();
                // "cannot reach HOST to download URL: ..." is all a skip summary needs up to the URL
                return e.unreachable() && m.contains(" to download ") ? m.substring(0, m.indexOf(" to download "))
                        + " (offline?)" : m;
            } catch (IOException | RuntimeException e) {
                return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }).transform(s -> s.isEmpty() ? null : s);
    }

    private static boolean hasAll(Path dir, String dataset, String... files) {
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(dataset).resolve(f))) {
                return false;
            }
        }
        return true;
    }
}
