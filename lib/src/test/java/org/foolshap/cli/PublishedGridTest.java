package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid published in docs/results/issue12/grid (EXPERIMENTS.md's tables and figure come from it) is the complete
 * default grid of today's {@code reproduce}: resuming it with every default finds nothing to do and refuses nothing.
 * So a change of a default, or of the plan, that would make those results stale fails here instead of leaving the
 * docs describing another protocol. No data is read: every run is resumed from the file.
 */
class PublishedGridTest {
    /** The published grid, from lib/ where the tests run. */
    private static final Path GRID = Path.of("..", "docs", "results", "issue12", "grid");

    @TempDir
    Path dir;

    @Test
    void thePublishedGridIsTheWholeDefaultGridUnderTodaysSettings() throws Exception {
        Path out = Files.createDirectories(dir.resolve("grid"));
        for (String file : new String[] {"results.csv", "calibration.csv", "settings.json"}) {
            Files.copy(GRID.resolve(file), out.resolve(file));
        }
        byte[] before = Files.readAllBytes(out.resolve("results.csv"));
        Path noData = Files.createDirectories(dir.resolve("no-data"));
        DataCommandsTest.Run r = DataCommandsTest.run("reproduce", "--data-dir", noData.toString(), "--out",
                out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("0 runs to do, 50 already in results.csv"), r.err()); // the plan, on stderr
        assertTrue(r.out().contains("0 runs computed, 50 resumed"), r.out());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("results.csv")));
    }
}
