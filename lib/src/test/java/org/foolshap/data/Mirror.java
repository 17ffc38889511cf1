package org.foolshap.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared raw-data mirror for tests: {@code $FOOLSHAP_MIRROR}, else the first {@code shared/datasets} found
 * walking up from the working directory (the mirror sits next to the project root, e.g. /work/shared beside
 * /work/main). Tests that need a file call {@link #require} and are skipped, saying why, when it is absent.
 */
public final class Mirror {
    private Mirror() {
    }

    /** The mirror directory, or null when there is none. */
    public static Path dir() {
        String env = System.getenv("FOOLSHAP_MIRROR");
        if (env != null && !env.isBlank()) {
            return Files.isDirectory(Path.of(env)) ? Path.of(env) : null;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The mirror directory, skipping the calling test unless {@code <dataset>/<file>} exists in it. */
    public static Path require(String dataset, String... files) {
        Path dir = dir();
        assumeTrue(dir != null, "skipped: no raw-data mirror (set FOOLSHAP_MIRROR or put shared/datasets next to the"
                + " project)");
        for (String f : files) {
            Path p = dir.resolve(dataset).resolve(f);
            assumeTrue(Files.isRegularFile(p), "skipped: mirror file " + p + " is absent");
        }
        return dir;
    }
}
