package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reproduce command's argument handling; the grid itself is tested in experiment.StudyTest. */
class ReproduceCommandTest {
    @TempDir
    Path dir;

    private DataCommandsTest.Run run(String... args) {
        return DataCommandsTest.run(args);
    }

    @Test
    void badArgumentsExitWithCodeTwoAndOneLine() {
        String out = dir.resolve("out").toString();
        for (String[] args : new String[][] {
                {"reproduce", "--seeds", "4-0", "--out", out},
                {"reproduce", "--seeds", "a-b", "--out", out},
                {"reproduce", "--models", "xgb", "--out", out},
                {"reproduce", "--datasets", "iris", "--out", out},
                {"reproduce", "--m", "1", "--out", out},
                {"reproduce", "--significance", "2", "--out", out},
                {"reproduce", "--lambdas", "2:1:5", "--out", out},
                {"reproduce", "--datasets", "compas"}}) {
            DataCommandsTest.Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(run("reproduce", "--models", "xgb", "--out", out).err().contains("unknown model 'xgb'"));
        assertFalse(Files.exists(dir.resolve("out").resolve("results.csv")));
    }

    @Test
    void helpTeachesTheOutputsAndResumption() {
        DataCommandsTest.Run r = run("help", "reproduce");
        assertEquals(0, r.code());
        for (String s : new String[] {"results.csv", "calibration.csv", "figure5.png", "resumes", "--data-dir",
                "fetch"}) {
            assertTrue(r.out().contains(s), "help lacks " + s + ":\n" + r.out());
        }
    }

    @Test
    void aGridOfMissingDatasetsSaysHowToFetchThemAndExitsTwo() {
        DataCommandsTest.Run r = run("reproduce", "--datasets", "marketing", "--models", "rf", "--seeds", "0",
                "--m", "50", "--repeats", "30", "--significance", "0.01", "--lambdas", "0:2:5",
                "--data-dir", dir.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        // the options reach the study's protocol and attack prototype
        for (String s : new String[] {"M = 50", "30 audits", "alpha = 0.01", "lambdas 0:2:5"}) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
        assertTrue(r.out().contains("skipped marketing") && r.out().contains("fetch --dataset marketing"), r.out());
        assertTrue(r.out().contains("no results"), r.out());
        assertFalse(Files.exists(dir.resolve("out").resolve("results.csv")));
    }
}
