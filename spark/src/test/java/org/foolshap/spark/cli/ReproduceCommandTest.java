package org.foolshap.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.foolshap.cli.StudyOptions;
import org.foolshap.experiment.ResultRow;
import org.foolshap.experiment.ResultsFile;
import org.foolshap.experiment.SettingsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Spark reproduce's options are the library's study options; its refusals are the library's, in one line. */
class ReproduceCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpListsEveryStudyOptionOfTheLibrary() {
        Run r = run("reproduce", "--help");
        assertEquals(0, r.code(), r.err());
        // the options the Spark copy once lacked, by name, and then every option of the shared definition
        for (String name : new String[] {"--genetic", "--fresh-draws", "--lambda-preset", "--all-pairs",
            "--[no-]baselines", "--log10-lambdas", "--calibration-draws", "--out", "--master"}) {
            assertTrue(r.out().contains(name), "help lacks " + name + ":\n" + r.out());
        }
        CommandLine.Model.CommandSpec study = new CommandLine(StudyOptions.parse()).getCommandSpec();
        assertTrue(study.options().size() >= 17, "the shared definition holds the study options");
        for (CommandLine.Model.OptionSpec o : study.options()) {
            String name = o.negatable() ? "--[no-]" + o.longestName().substring(2) : o.longestName();
            assertTrue(r.out().contains(name + (o.arity().max() > 0 ? "=" : "")), "help lacks " + name + ":\n"
                    + r.out());
        }
        assertFalse(r.out().contains("--threads="), "the cluster decides the parallelism");
    }

    @Test
    void resumingWithOtherSettingsIsTheLibrarysOneLineAndExitTwoBeforeSparkStarts() throws Exception {
        Path out = Files.createDirectories(dir.resolve("resume"));
        ResultRow row = new ResultRow("marketing", "rf", 0, 500, 4000, -0.1, -0.02, 3, -0.001, 9, -0.015, -0.018,
                0.95, 0.25, 0.1, 1.5, 0.03, false, 12.0, 100, 6.0, "probability", "treeshap",
                "trees=100;max_depth=10", -0.021, 0.95, 0.05, 1000, "study:-0.5:2.0:20");
        new ResultsFile(out.resolve("results.csv")).append(row);
        new SettingsFile(out.resolve("settings.json")).write(StudyOptions.parse().study().settings());
        byte[] before = Files.readAllBytes(out.resolve("results.csv"));
        // no --master: were a session opened, the error would be 'no Spark master' instead
        Run r = run("reproduce", "--datasets", "marketing", "--models", "rf", "--seeds", "0", "--m", "50",
                "--genetic", "fast", "--no-baselines", "--data-dir", dir.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        for (String s : new String[] {"error: --out " + out, "--m 200 (now 50)", "--genetic published (now fast)",
            "--no-baselines (baselines) true (now false)", "resume with", "new --out"}) {
            assertTrue(r.err().contains(s), s + " in " + r.err());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("results.csv"))));
    }

    @Test
    void aBadStudyOptionIsOneLineNamingIt() {
        for (String[] args : new String[][] {{"--genetic", "slow"}, {"--lambda-preset", "x"},
            {"--lambdas", "-0.5:2:20"}}) {
            Run r = run("reproduce", args[0], args[1], "--out", dir.resolve("bad").toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: " + args[0]), r.err());
        }
    }

    record Run(int code, String out, String err) {
    }

    /** SparkMain.run with its output captured (its CommandLine writes to System.out and System.err). */
    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = SparkMain.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
