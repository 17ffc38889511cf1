package org.foolshap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.foolshap.cli.Main;
import org.foolshap.model.ModelFile;
import org.foolshap.model.ModelKind;
import org.foolshap.shap.Explainers;
import org.foolshap.spark.cli.SparkMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands end to end on local[2], against foolshap.jar's own commands on the same files. Each command starts and
 * stops its own session, as a user's run does.
 */
class SparkMainTest {
    @TempDir
    static Path dir;

    static AdultFixture files;

    @BeforeAll
    static void files() throws IOException {
        files = AdultFixture.make(dir, 40, 500);
        new ModelFile(files.adult.features(), files.forest, ModelKind.RF, files.adult.target(), files.adult.targetLevels(), Map.of())
                .save(dir.resolve("rf.model"));
    }

    @Test
    void explainWritesTheLibrarysFile() throws IOException {
        Path library = dir.resolve("library.csv");
        Path spark = dir.resolve("spark.csv");
        assertEquals(0, Main.run("explain", "--model", dir.resolve("rf.model").toString(), "--foreground",
                files.foreground.toString(), "--background", files.backgroundWithoutIds.toString(), "--out",
                library.toString()));
        assertEquals(0, SparkMain.run("explain", "--master", "local[2]", "--model", dir.resolve("rf.model").toString(),
                "--foreground", files.foreground.toString(), "--background", files.backgroundWithoutIds.toString(),
                "--out", spark.toString()));
        List<String> a = Files.readAllLines(library);
        List<String> b = Files.readAllLines(spark);
        assertEquals(a.size(), b.size());
        assertEquals(a.get(0), b.get(0));
        for (int k = 1; k < a.size(); k++) {
            String[] x = a.get(k).split(",");
            String[] y = b.get(k).split(",");
            assertEquals(x[0], y[0]);
            for (int c = 1; c < x.length; c++) {
                assertEquals(Double.parseDouble(x[c]), Double.parseDouble(y[c]), 1e-12, a.get(k) + " vs " + b.get(k));
            }
        }
    }

    @Test
    void coefficientsWritesOneRowPerBackgroundRow() throws IOException {
        Path out = dir.resolve("coefficients");
        assertEquals(0, SparkMain.run("coefficients", "--master", "local[2]", "--model",
                dir.resolve("rf.model").toString(), "--foreground", files.foreground.toString(), "--background",
                files.background.toString(), "--out", out.toString()));
        double[][] fg = files.rows(files.foreground);
        double[][] bg = files.rows(files.backgroundWithoutIds);
        long[] ids = files.ids();
        double[][] expected = Explainers.auto(files.forest).coefficients(fg, bg);
        List<String> lines = new ArrayList<>();
        String header = null;
        try (Stream<Path> parts = Files.list(out)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                List<String> l = Files.readAllLines(p);
                header = l.get(0);
                lines.addAll(l.subList(1, l.size()));
            }
        }
        assertEquals("row," + String.join(",", files.adult.features().names()), header);
        assertEquals(bg.length, lines.size());
        for (String line : lines) {
            double[] v = Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
            int j = indexOf(ids, (long) v[0]);
            for (int i = 0; i < expected[j].length; i++) {
                assertEquals(expected[j][i], v[i + 1], 1e-12);
            }
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String noId = error("coefficients", "--master", "local[2]", "--model", dir.resolve("rf.model").toString(),
                "--foreground", files.foreground.toString(), "--background",
                files.backgroundWithoutIds.toString(), "--out", dir.resolve("bad").toString());
        assertTrue(noId.startsWith("error: ") && noId.contains("has no row id column 'row'"), noId);
        String column = error("explain", "--master", "local[2]", "--model", dir.resolve("rf.model").toString(),
                "--foreground", files.foreground.toString(), "--background", files.withoutAge.toString(),
                "--out", dir.resolve("bad.csv").toString());
        assertTrue(column.startsWith("error: ") && column.contains("lacks the column 'age' that the model takes"),
                column);
        String master = error("explain", "--model", dir.resolve("rf.model").toString(), "--foreground",
                files.foreground.toString(), "--background", files.background.toString(), "--out",
                dir.resolve("bad.csv").toString());
        assertTrue(master.startsWith("error: no Spark master"), master);
    }

    @Test
    void aBadCellFailsItsTaskAndTheCommandSaysSoInOneLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(files.background));
        String first = lines.get(1);
        lines.set(1, first.replaceFirst(",(White|Black|Asian-Pac-Islander|Amer-Indian-Eskimo|Other),", ",Martian,"));
        assertTrue(!lines.get(1).equals(first), "the first man has a race to replace: " + first);
        Path bad = dir.resolve("martian.csv");
        Files.write(bad, lines);
        String e = error("coefficients", "--master", "local[2]", "--model", dir.resolve("rf.model").toString(),
                "--foreground", files.foreground.toString(), "--background", bad.toString(), "--out",
                dir.resolve("martian").toString());
        assertTrue(e.startsWith("error: unknown category 'Martian' in column race"), e);
    }

    /** Runs a command that must fail with exit 2; returns its stderr, which must be one line. */
    private static String error(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = SparkMain.run(args);
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text);
        assertEquals(1, text.lines().count(), text);
        return text.strip();
    }

    private static int indexOf(long[] a, long v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError("no row id " + v);
    }
}
