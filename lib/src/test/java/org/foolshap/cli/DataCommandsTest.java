package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.foolshap.data.Csv;
import org.foolshap.data.Mirror;
import org.foolshap.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The data, train, predict and fetch commands through {@link Main#run}, with temp files. */
class DataCommandsTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path csv(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void dataWritesAdultWithThePapersColumnsTargetLast() throws Exception {
        Path mirror = Mirror.require("adult", "adult.data", "adult.test");
        Path out = dir.resolve("adult.csv");
        Run r = run("data", "--dataset", "adult", "--data-dir", mirror.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("age,workclass,education,marital-status,relationship,occupation,race,gender,capital-gain,"
                + "capital-loss,hours-per-week,income", lines.get(0));
        assertEquals(48_843, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.endsWith(",0") || l.endsWith(",1")));
    }

    @Test
    void unknownDatasetExitsTwoListingTheKnownNames() {
        Run r = run("data", "--dataset", "adlt", "--out", dir.resolve("x.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("adult") && r.err().contains("default_credit") && r.err().contains("toy"), r.err());
        assertTrue(r.err().strip().lines().count() <= 3, r.err());
        assertEquals(2, run("train", "--dataset", "nope", "--model", "rf", "--out", dir.resolve("m").toString()).code());
        assertEquals(2, run("fetch", "--dataset", "nope").code());
    }

    @Test
    void trainPrintsOneJsonObjectAndPredictScoresRawRows() throws Exception {
        Path model = dir.resolve("toy.model");
        Run r = run("train", "--dataset", "toy", "--model", "gbt", "--trees", "50", "--seed", "1", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject json = JsonParser.parseString(r.out().strip()).getAsJsonObject();
        for (String key : List.of("test_auc", "test_accuracy", "demographic_parity")) {
            assertTrue(json.has(key), key + " in " + r.out());
        }
        assertTrue(json.get("test_auc").getAsDouble() > 0.8, r.out());
        assertEquals("sex", ModelFile.load(model).info().get("sensitive"));

        Path data = dir.resolve("toy.csv");
        assertEquals(0, run("data", "--dataset", "toy", "--out", data.toString()).code());
        Path scored = dir.resolve("scored.csv");
        Run p = run("predict", "--model", model.toString(), "--data", data.toString(), "--out", scored.toString());
        assertEquals(0, p.code(), p.err());
        Table t = Csv.read(scored);
        assertEquals(6000, t.rowCount());
        assertEquals(List.of("sex", "height", "muscle", "noise1", "noise2", "employed", "output"), t.columnNames());
    }

    @Test
    void trainOnACsvWithATargetColumn() throws Exception {
        StringBuilder sb = new StringBuilder("x,g,label\n");
        java.util.Random rng = new java.util.Random(3);
        for (int i = 0; i < 400; i++) {
            double x = rng.nextGaussian();
            sb.append(x).append(',').append(i % 2 == 0 ? "a" : "b").append(',').append(x > 0 ? "yes" : "no").append('\n');
        }
        Path data = csv("d.csv", sb.toString());
        Run r = run("train", "--data", data.toString(), "--target", "label", "--sensitive", "g", "--protected", "a",
                "--model", "logistic", "--out", dir.resolve("m.model").toString());
        assertEquals(0, r.code(), r.err());
        JsonObject json = JsonParser.parseString(r.out().strip()).getAsJsonObject();
        assertTrue(json.get("test_auc").getAsDouble() > 0.95, r.out());
        assertTrue(json.has("demographic_parity"));
        Run noSensitive = run("train", "--data", data.toString(), "--target", "label", "--model", "tree",
                "--out", dir.resolve("n.model").toString());
        assertEquals(0, noSensitive.code(), noSensitive.err());
        assertFalse(noSensitive.out().contains("demographic_parity"), noSensitive.out());
    }

    @Test
    void badInputsAreOneLineErrorsWithExitTwo() throws Exception {
        String m = dir.resolve("m.model").toString();
        Path ok = csv("ok.csv", "x,g,y\n1,a,0\n2,b,1\n3,a,0\n4,b,1\n5,a,1\n");
        List<List<String>> cases = List.of(
                List.of("train", "--data", ok.toString(), "--target", "missing", "--model", "rf", "--out", m),
                List.of("train", "--data", csv("three.csv", "x,y\n1,0\n2,1\n3,2\n").toString(), "--target", "y",
                        "--model", "rf", "--out", m),
                List.of("train", "--data", ok.toString(), "--target", "y", "--sensitive", "g", "--protected", "c",
                        "--model", "rf", "--out", m),
                List.of("train", "--data", csv("empty.csv", "").toString(), "--target", "y", "--model", "rf", "--out", m),
                List.of("train", "--data", csv("ragged.csv", "x,y\n1,0\n2\n").toString(), "--target", "y",
                        "--model", "rf", "--out", m),
                List.of("train", "--data", ok.toString(), "--target", "y", "--model", "svm", "--out", m),
                List.of("train", "--dataset", "toy", "--data", ok.toString(), "--target", "y", "--model", "rf", "--out", m),
                List.of("predict", "--model", dir.resolve("absent.model").toString(), "--data", ok.toString(),
                        "--out", dir.resolve("o.csv").toString()));
        List<String> expected = List.of("target column 'missing'", "3 distinct values", "only one group", "empty",
                "ragged", "unknown model", "exactly one of", "does not exist");
        for (int i = 0; i < cases.size(); i++) {
            Run r = run(cases.get(i).toArray(String[]::new));
            assertEquals(2, r.code(), cases.get(i) + " -> " + r.err());
            assertTrue(r.err().contains(expected.get(i)), expected.get(i) + " in " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
    }

    @Test
    void predictRejectsUnknownCategories() throws Exception {
        Path model = dir.resolve("toy.model");
        assertEquals(0, run("train", "--dataset", "toy", "--model", "tree", "--out", model.toString()).code());
        Path rows = csv("rows.csv", "sex,height,muscle,noise1,noise2\nOther,170,25,0,0\n");
        Run r = run("predict", "--model", model.toString(), "--data", rows.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown category 'Other'"), r.err());
    }

    @Test
    void fetchCopiesFromAMirrorIntoTheCache() throws Exception {
        Path mirror = Mirror.require("compas", "compas.csv");
        Path cache = dir.resolve("cache");
        Run r = run("fetch", "--dataset", "compas", "--data-dir", mirror.toString(), "--cache-dir", cache.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("verified"), r.out());
        assertTrue(Files.isRegularFile(cache.resolve("compas/compas.csv")));
        Path data = dir.resolve("compas.csv");
        assertEquals(0, run("data", "--dataset", "compas", "--data-dir", cache.toString(), "--out", data.toString()).code());
        assertEquals(6_151, Files.readAllLines(data).size());
    }
}
