package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.foolshap.cli.DataCommandsTest.Run;
import org.foolshap.data.Csv;
import org.foolshap.model.HostileFiles;
import org.foolshap.model.Model;
import org.foolshap.model.ModelFile;
import org.foolshap.model.ModelKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs an auditor might be handed or mistype (issue 16, items 9, 10 and 13): each is exit code 2 and one line that
 * names the culprit (file, column, line or option), before any long work, never a stack trace or a silent result.
 */
class HostileInputTest {
    @TempDir
    static Path dir;
    static Path toyCsv;
    static Path toyModel;

    @BeforeAll
    static void toy() {
        toyCsv = dir.resolve("toy.csv");
        toyModel = dir.resolve("toy.model");
        assertEquals(0, DataCommandsTest.run("data", "--dataset", "toy", "--out", toyCsv.toString()).code());
        Run train = DataCommandsTest.run("train", "--dataset", "toy", "--model", "tree", "--out", toyModel.toString());
        assertEquals(0, train.code(), train.err());
    }

    /** exit 2, one line starting with "error: " that contains every fragment. */
    static void assertOneLine(Run r, String... fragments) {
        assertEquals(2, r.code(), r.out() + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: "), err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' in " + err);
        }
    }

    private static Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** A labelled CSV with an informative numeric column x and a 0/1 group g; {@code cell} replaces x on row 7. */
    private static Path labelled(String name, String cell) throws Exception {
        StringBuilder sb = new StringBuilder("x,g,y\n");
        java.util.Random rng = new java.util.Random(1);
        for (int i = 0; i < 300; i++) {
            double x = rng.nextGaussian();
            sb.append(i == 7 ? cell : Double.toString(x)).append(',').append(i % 2).append(',')
                    .append(x + 0.3 * rng.nextGaussian() > 0 ? 1 : 0).append('\n');
        }
        return write(name, sb.toString());
    }

    @Test
    void modelFileBombsAndDamagedModelsFailFastNamingTheFile() throws Exception {
        byte[] valid = Files.readAllBytes(toyModel);
        Map<String, byte[]> models = Map.of(
                "hashset-bomb.model", HostileFiles.hashSetBomb(),
                "array-bomb.model", HostileFiles.arrayBomb(),
                "empty.model", new byte[0],
                "truncated.model", Arrays.copyOf(valid, valid.length - 20));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (var e : models.entrySet()) {
                Path m = Files.write(dir.resolve(e.getKey()), e.getValue());
                long start = System.nanoTime();
                Run r = DataCommandsTest.run("predict", "--model", m.toString(), "--data", toyCsv.toString(), "--out",
                        dir.resolve("scored.csv").toString());
                assertOneLine(r, m.toString());
                assertTrue((System.nanoTime() - start) / 1e9 < 3, e.getKey() + " took too long");
            }
        });
        assertFalse(Files.exists(dir.resolve("scored.csv")));
    }

    @Test
    void nonFiniteCellsAreRefusedNamingColumnAndLine() throws Exception {
        for (String cell : List.of("Infinity", "1e309", "-Infinity")) {
            Path data = labelled("inf.csv", cell);
            assertOneLine(DataCommandsTest.run("train", "--data", data.toString(), "--target", "y", "--model", "rf",
                    "--out", dir.resolve("inf.model").toString()), data.toString(), "column x", "line 9");
        }
        Path rows = write("rows.csv", "sex,height,muscle,noise1,noise2\nFemale,170,25,0,0\nMale,1e309,30,0,0\n");
        assertOneLine(DataCommandsTest.run("predict", "--model", toyModel.toString(), "--data", rows.toString(),
                "--out", dir.resolve("o.csv").toString()), rows.toString(), "column height", "line 3");
        assertOneLine(DataCommandsTest.run("explain", "--model", toyModel.toString(), "--foreground", rows.toString(),
                "--background", toyCsv.toString(), "--out", dir.resolve("phi.csv").toString()), "column height");
        assertFalse(Files.exists(dir.resolve("phi.csv")));
    }

    /** One 1e308 (finite, but its square overflows) would standardise the column to nothing: say so instead. */
    @Test
    void aValueTooLargeToStandardiseIsNamedNotSilentlyDropped() throws Exception {
        Path data = labelled("huge.csv", "1e308");
        assertOneLine(DataCommandsTest.run("train", "--data", data.toString(), "--target", "y", "--model",
                "logistic", "--out", dir.resolve("huge.model").toString()), "feature x", "1.0E308");
        // a tree model does not standardise, and is fine with it
        Run tree = DataCommandsTest.run("train", "--data", data.toString(), "--target", "y", "--model", "tree",
                "--out", dir.resolve("huge-tree.model").toString());
        assertEquals(0, tree.code(), tree.err());
    }

    @Test
    void aFewTextCellsInANumericColumnAreNamedByLine() throws Exception {
        Path data = labelled("abc.csv", "abc");
        assertOneLine(DataCommandsTest.run("train", "--data", data.toString(), "--target", "y", "--model", "rf",
                "--out", dir.resolve("abc.model").toString()), data.toString(), "column x", "line 9 'abc'");
        // a real categorical column with a few numeric-looking levels stays categorical
        Path categorical = write("cat.csv", "grade,y\n" + "1,0\n2,1\n3,0\n4+,1\n".repeat(20));
        Run ok = DataCommandsTest.run("train", "--data", categorical.toString(), "--target", "y", "--model", "tree",
                "--out", dir.resolve("cat.model").toString());
        assertEquals(0, ok.code(), ok.err());
    }

    /** An output that is not a number is an error naming the line, never an empty cell in the result. */
    @Test
    void aNaNOutputIsAnErrorNotAnEmptyCell() throws Exception {
        ModelFile toy = ModelFile.load(toyModel);
        int height = toy.features().index("height");
        int muscle = toy.features().index("muscle");
        double[] w = new double[toy.features().width()];
        w[height] = 1e308;
        w[muscle] = 1e308;
        Path m = dir.resolve("overflow.model");
        new ModelFile(toy.features(), Model.linear(0, w), ModelKind.LOGISTIC, toy.target(), toy.targetLevels(),
                Map.of()).save(m);
        Path rows = write("nan-rows.csv", "sex,height,muscle,noise1,noise2\nFemale,0,0,0,0\nMale,10,-10,0,0\n");
        Path out = dir.resolve("nan-scored.csv");
        assertOneLine(DataCommandsTest.run("predict", "--model", m.toString(), "--data", rows.toString(), "--out",
                out.toString()), m.toString(), "NaN", "line 3 of " + rows);
        assertFalse(Files.exists(out));
    }

    @Test
    void longFieldsAreReadAndOverlongOnesNamed() throws Exception {
        Path rows = write("long.csv", "sex,height,muscle,noise1,noise2,comment\nFemale,170,25,0,0," + "x".repeat(5000)
                + "\n");
        Run ok = DataCommandsTest.run("predict", "--model", toyModel.toString(), "--data", rows.toString(), "--out",
                dir.resolve("long-scored.csv").toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(5000, Csv.read(dir.resolve("long-scored.csv")).stringColumn("comment").get(0).length());
        Path huge = write("huge-field.csv", "sex,height,muscle,noise1,noise2,comment\nFemale,170,25,0,0,"
                + "x".repeat(Csv.MAX_FIELD_CHARS + 1) + "\n");
        assertOneLine(DataCommandsTest.run("predict", "--model", toyModel.toString(), "--data", huge.toString(),
                "--out", dir.resolve("o.csv").toString()), huge.toString(), "line 2", "longer than");
    }

    /** Output paths are checked before any work, and no command overwrites one of its own inputs. */
    @Test
    void outputPathsAreCheckedBeforeAnyWork() throws Exception {
        Path data = labelled("keep.csv", "0.5");
        byte[] before = Files.readAllBytes(data);
        assertOneLine(DataCommandsTest.run("train", "--data", data.toString(), "--target", "y", "--model", "rf",
                "--out", data.toString()), "--out", data.toString());
        assertArrayEquals(before, Files.readAllBytes(data), "the CSV is untouched");
        assertOneLine(DataCommandsTest.run("predict", "--model", toyModel.toString(), "--data", toyCsv.toString(),
                "--out", toyCsv.toString()), "--out");
        assertOneLine(DataCommandsTest.run("predict", "--model", toyModel.toString(), "--data", toyCsv.toString(),
                "--out", dir.toString()), "--out", "folder");
        assertOneLine(DataCommandsTest.run("train", "--dataset", "toy", "--model", "rf", "--out",
                data.resolve("under-a-file.model").toString()), "--out", data.toString());
        assertOneLine(DataCommandsTest.run("reproduce", "--datasets", "toy", "--models", "rf", "--seeds", "0",
                "--out", data.toString()), "--out", data.toString());
        assertOneLine(DataCommandsTest.run("attack", "--model", toyModel.toString(), "--data", toyCsv.toString(),
                "--sensitive", "sex", "--protected", "Female", "--out", dir.toString()), "--out", "holds the input");
        assertArrayEquals(before, Files.readAllBytes(data));
    }
}
