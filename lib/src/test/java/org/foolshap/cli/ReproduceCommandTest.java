package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.foolshap.experiment.ResultRow;
import org.foolshap.experiment.ResultsFile;
import org.foolshap.experiment.SettingsFile;
import org.foolshap.experiment.Study;
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
                {"reproduce", "--models", "svm", "--out", out},
                {"reproduce", "--datasets", "iris", "--out", out},
                {"reproduce", "--m", "1", "--out", out},
                {"reproduce", "--significance", "2", "--out", out},
                {"reproduce", "--lambdas", "2:1:5", "--out", out},
                {"reproduce", "--lambdas", "-0.5:2:20", "--out", out},
                {"reproduce", "--log10-lambdas", "2:1:5", "--out", out},
                {"reproduce", "--genetic", "slow", "--out", out},
                {"reproduce", "--lambda-preset", "paper", "--out", out},
                {"reproduce", "--tune", "-1", "--out", out},
                {"reproduce", "--datasets", "compas"}}) {
            DataCommandsTest.Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(run("reproduce", "--models", "svm", "--out", out).err().contains("unknown model 'svm'"));
        assertFalse(Files.exists(dir.resolve("out").resolve("results.csv")));
    }

    /** A folder with one finished marketing/rf/0 row, recorded under the command's default settings. */
    private Path folderWithOneRow(boolean withSettings) throws Exception {
        Path out = Files.createDirectories(dir.resolve("resume"));
        ResultRow row = new ResultRow("marketing", "rf", 0, 500, 4000, -0.1, -0.02, 3, -0.001, 9, -0.015, -0.018,
                0.95, 0.25, 0.1, 1.5, 0.03, false, 12.0, 100, 6.0, "probability", "treeshap",
                "trees=100;max_depth=10", -0.021, 0.95, 0.05, 1000, "study:-0.5:2.0:20");
        new ResultsFile(out.resolve("results.csv")).append(row);
        if (withSettings) {
            new SettingsFile(out.resolve("settings.json")).write(Study.withDefaults().settings());
        }
        return out;
    }

    @Test
    void resumingWithOtherSettingsIsRefusedNamingEachOne() throws Exception {
        Path out = folderWithOneRow(true);
        byte[] before = Files.readAllBytes(out.resolve("results.csv"));
        DataCommandsTest.Run r = run("reproduce", "--datasets", "marketing", "--models", "rf", "--seeds", "0",
                "--m", "50", "--repeats", "30", "--significance", "0.01", "--lambdas", "1:100:5",
                "--data-dir", dir.toString(), "--out", out.toString());
        HostileInputTest.assertOneLine(r, "--m 200 (now 50)", "--repeats 100 (now 30)",
                "--significance 0.05 (now 0.01)", "--lambdas 0.316228:100:20 (now 1:100:5)", "new --out");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("results.csv"))));
        // the recorded settings, as the message gives them, resume (the grid spelled as values or as exponents)
        for (String[] lambdas : new String[][] {{"--lambdas", "0.316228:100:20"}, {"--log10-lambdas", "-0.5:2:20"}}) {
            DataCommandsTest.Run again = run("reproduce", "--datasets", "marketing", "--models", "rf", "--seeds",
                    "0", "--m", "200", "--repeats", "100", "--significance", "0.05", lambdas[0], lambdas[1],
                    "--data-dir", dir.toString(), "--out", out.toString());
            assertEquals(0, again.code(), again.out() + again.err());
            assertTrue(again.out().contains("1 resumed"), again.out());
        }
    }

    @Test
    void rowsWithoutRecordedSettingsAreNotResumed() throws Exception {
        Path out = folderWithOneRow(false);
        HostileInputTest.assertOneLine(run("reproduce", "--datasets", "marketing", "--models", "rf", "--seeds", "0",
                "--data-dir", dir.toString(), "--out", out.toString()), "settings.json", "new --out");
    }

    /** M larger than a group is refused while planning: no run starts, nothing is trained or written. */
    @Test
    void mIsCheckedAgainstTheDataBeforeAnyRun() {
        Path out = dir.resolve("big-m");
        DataCommandsTest.Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> run("reproduce", "--datasets", "toy", "--models", "rf",
                        "--seeds", "0", "--m", "100000", "--out", out.toString()));
        HostileInputTest.assertOneLine(r, "M = 100000", "toy");
        assertFalse(r.err().contains("runs to do"), r.err());
        assertFalse(Files.exists(out.resolve("results.csv")));
    }

    @Test
    void helpTeachesTheOutputsAndResumption() {
        DataCommandsTest.Run r = run("help", "reproduce");
        assertEquals(0, r.code());
        for (String s : new String[] {"results.csv", "calibration.csv", "figure5.png", "resumes", "--data-dir",
                "fetch", "settings.json", "--log10-lambdas"}) {
            assertTrue(r.out().contains(s), "help lacks " + s + ":\n" + r.out());
        }
    }

    @Test
    void aGridOfMissingDatasetsSaysHowToFetchThemAndExitsTwo() {
        DataCommandsTest.Run r = run("reproduce", "--datasets", "marketing", "--models", "rf", "--seeds", "0",
                "--m", "50", "--repeats", "30", "--significance", "0.01", "--log10-lambdas", "0:2:5",
                "--data-dir", dir.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        // the options reach the study's protocol and attack prototype
        for (String s : new String[] {"M = 50", "30 audits", "alpha = 0.01", "lambdas 10^(0:2:5)"}) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
        assertTrue(r.out().contains("skipped marketing") && r.out().contains("fetch --dataset marketing"), r.out());
        assertTrue(r.out().contains("no results"), r.out());
        assertFalse(Files.exists(dir.resolve("out").resolve("results.csv")));
    }

    @Test
    void resumingWithAnotherTuningOrGeneticSettingIsRefusedInOneLine() throws Exception {
        Path out = folderWithOneRow(true);
        DataCommandsTest.Run r = run("reproduce", "--datasets", "marketing", "--models", "rf", "--seeds", "0",
                "--tune", "0", "--genetic", "fast", "--lambda-preset", "official", "--data-dir", dir.toString(),
                "--out", out.toString());
        HostileInputTest.assertOneLine(r, "--tune 50 (now 0)", "--genetic published (now fast)",
                "--lambda-preset official false (now true)", "new --out");
        assertEquals(1, new ResultsFile(out.resolve("results.csv")).read().size(), "nothing appended");
    }

    /**
     * The reduced grid through the command: marketing x rf x seed 0 on the mirror, with the new columns
     * (cheap settings: M = 50, 20 audits per lambda, 2 tuning candidates, the FAST genetic setting).
     */
    @Test
    void reducedGridOnMarketingWritesTheNewColumns() throws Exception {
        Path mirror = org.foolshap.data.Mirror.require("marketing", "bank-full.csv");
        Path out = dir.resolve("marketing");
        DataCommandsTest.Run r = run("reproduce", "--datasets", "marketing", "--models", "rf", "--seeds", "0",
                "--m", "50", "--repeats", "20", "--log10-lambdas", "0:3:4", "--lambda-extensions", "0", "--tune", "2",
                "--genetic", "fast", "--fresh-draws", "1000", "--calibration-draws", "50", "--data-dir",
                mirror.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        java.util.List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(String.join(",", ResultRow.COLUMNS), lines.get(0));
        for (String column : new String[] {"genetic_generations", "genetic_seconds", "scale", "explainer",
                "hyperparameters", "phi_s_full", "relative_decrease_full", "detection_rate_fresh", "fresh_draws",
                "lambda_grid"}) {
            assertTrue(ResultRow.COLUMNS.contains(column), column);
        }
        ResultRow row = new ResultsFile(out.resolve("results.csv")).read().get(0);
        assertEquals("marketing/rf/0", row.key());
        assertEquals(38_750, row.foreground());
        assertEquals(6_461, row.background());
        assertEquals("probability", row.scale());
        assertEquals("treeshap", row.explainer());
        assertTrue(row.hyperparameters().contains("trees=") && row.hyperparameters().contains("max_depth="),
                row.hyperparameters());
        assertEquals(1000, row.freshDraws());
        assertTrue(row.detectionRateFresh() >= 0 && row.detectionRateFresh() <= 1);
        assertEquals("study:0.0:3.0:4", row.lambdaGrid());
        assertTrue(row.geneticGenerations() >= 1 && row.geneticGenerations() <= 100);
        // the decrease against the full background is the same formula against Phi_s(S_0', D_1)
        assertEquals(ResultRow.decrease(row.phiFull(), row.phiFoolShap()), row.decreaseFull(), 1e-5);
        assertTrue(Files.isRegularFile(out.resolve("figure5.png")));
        assertTrue(r.out().contains("["), "medians with bootstrap intervals: " + r.out());
        // resuming with the same options computes nothing
        DataCommandsTest.Run again = run("reproduce", "--datasets", "marketing", "--models", "rf", "--seeds", "0",
                "--m", "50", "--repeats", "20", "--log10-lambdas", "0:3:4", "--lambda-extensions", "0", "--tune", "2",
                "--genetic", "fast", "--fresh-draws", "1000", "--calibration-draws", "50", "--data-dir",
                mirror.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("0 runs computed, 1 resumed"), again.out());
    }
}
