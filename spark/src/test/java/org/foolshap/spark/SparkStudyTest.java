package org.foolshap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.foolshap.Progress;
import org.foolshap.experiment.CalibrationFile;
import org.foolshap.experiment.ResultRow;
import org.foolshap.experiment.ResultsFile;
import org.foolshap.experiment.Study;
import org.foolshap.experiment.StudyListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid as a Spark job writes the rows the library's study writes, up to the timing column. */
class SparkStudyTest {
    @TempDir
    static Path dir;

    static SparkSession spark;
    static StudySpec spec;

    @BeforeAll
    static void start() {
        Path mirror = AdultFixture.require("compas");
        // a reduced grid: two seeds, a small protocol, lambda grid widened at most once; baselines off (wall-time);
        // no random search: its choice among near-tied candidates flipped once in CI on a loaded run (Smile's
        // thread-local generators under fork-join are suspected; an open reproducibility issue of the library's
        // tuning, not of the distribution this test checks)
        spec = StudySpec.of("--datasets", "compas", "--models", "rf", "--seeds", "0,1", "--m", "50", "--repeats",
                "10", "--log10-lambdas", "-0.5:2:4", "--lambda-extensions", "1", "--no-baselines", "--data-dir",
                mirror.toString(), "--mlp-background", "1000", "--calibration-draws", "40", "--tune", "0");
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void gridJobWritesTheLibrarysRowsUpToTiming() throws IOException {
        Path one = Files.createDirectories(dir.resolve("one-jvm"));
        Path cluster = Files.createDirectories(dir.resolve("spark"));
        Study.Outcome expected = spec.study().run(new ResultsFile(one.resolve("results.csv")),
                new CalibrationFile(one.resolve("calibration.csv")), StudyListener.of(Progress.NONE));
        Study.Outcome got = SparkStudy.of(spec).execute(spark, new ResultsFile(cluster.resolve("results.csv")),
                new CalibrationFile(cluster.resolve("calibration.csv")));
        assertEquals(2, got.ran());
        assertEquals(withoutTiming(expected.rows()), withoutTiming(got.rows()));
        assertEquals(withoutTiming(new ResultsFile(one.resolve("results.csv")).read()),
                withoutTiming(new ResultsFile(cluster.resolve("results.csv")).read()));
        assertEquals(Files.readAllLines(one.resolve("calibration.csv")),
                Files.readAllLines(cluster.resolve("calibration.csv")));
        assertEquals(Files.readString(one.resolve("settings.json")), Files.readString(cluster.resolve("settings.json")));

        // resuming: nothing left to run, the same rows
        Study.Outcome again = SparkStudy.of(spec).execute(spark, new ResultsFile(cluster.resolve("results.csv")),
                new CalibrationFile(cluster.resolve("calibration.csv")));
        assertEquals(0, again.ran());
        assertEquals(2, again.resumed());
    }

    /** Each row's CSV line with its wall-time fields (the run's and the genetic baseline's seconds) blanked. */
    private static List<String> withoutTiming(List<ResultRow> rows) {
        int seconds = ResultRow.COLUMNS.indexOf("seconds");
        int genetic = ResultRow.COLUMNS.indexOf("genetic_seconds");
        return rows.stream().map(r -> {
            String[] cells = r.csv().split(",", -1);
            assertEquals(ResultRow.COLUMNS.size(), cells.length, r.csv());
            cells[seconds] = "";
            cells[genetic] = "";
            return String.join(",", cells);
        }).toList();
    }
}
