package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.foolshap.cli.DataCommandsTest.Run;
import org.foolshap.data.Csv;
import org.foolshap.data.Mirror;
import org.foolshap.model.Model;
import org.foolshap.model.ModelFile;
import org.foolshap.model.ModelKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The attack and audit commands end to end. The acceptance test is the issue's: Adult, random forest, seed 0,
 * through the CLI as a user would run it.
 */
class AttackCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void toy() {
        Run data = DataCommandsTest.run("data", "--dataset", "toy", "--out", dir.resolve("toy.csv").toString());
        assertEquals(0, data.code(), data.err());
        Run train = DataCommandsTest.run("train", "--dataset", "toy", "--model", "tree", "--out",
                dir.resolve("toy.model").toString());
        assertEquals(0, train.code(), train.err());
    }

    @Test
    void adultRandomForestSeed0IsFooledUndetected() throws Exception {
        Path mirror = Mirror.require("adult", "adult.data", "adult.test");
        Path csv = dir.resolve("adult.csv");
        assertEquals(0, DataCommandsTest.run("data", "--dataset", "adult", "--data-dir", mirror.toString(), "--out",
                csv.toString()).code());
        Run train = DataCommandsTest.run("train", "--dataset", "adult", "--data-dir", mirror.toString(), "--model",
                "rf", "--seed", "0", "--out", dir.resolve("adult.model").toString());
        assertEquals(0, train.code(), train.err());
        Path out = dir.resolve("adult-attack");
        Run attack = DataCommandsTest.run("attack", "--model", dir.resolve("adult.model").toString(), "--data",
                csv.toString(), "--sensitive", "gender", "--protected", "Female", "--seed", "0", "--out",
                out.toString());
        assertEquals(0, attack.code(), attack.err());
        JsonObject r = JsonParser.parseString(Files.readString(out.resolve("result.json"))).getAsJsonObject();
        double before = r.getAsJsonObject("phi_before").get("gender").getAsDouble();
        double after = r.getAsJsonObject("phi_after").get("gender").getAsDouble();
        assertTrue(Math.abs(after) <= 0.3 * Math.abs(before), "gender " + before + " -> " + after);
        assertEquals(1 - Math.abs(after) / Math.abs(before), r.get("relative_decrease").getAsDouble(), 1e-12);
        assertTrue(r.get("detection_rate").getAsDouble() <= 0.10, "detection rate " + r.get("detection_rate"));
        assertFalse(r.get("detected").getAsBoolean(), "the final audit at 0.05 should accept");
        assertTrue(Math.abs(after) < r.get("brute_force").getAsDouble(),
                "Fool SHAP " + after + " vs brute force " + r.get("brute_force"));
        for (String figure : List.of("attributions.png", "cdfs.png", "lambda-curves.png", "detection.png")) {
            assertTrue(Files.size(out.resolve(figure)) > 10_000, figure);
        }
        // The supplied rows are real rows of the file, as the 'row' column says, and of the right groups.
        Table data = Csv.read(csv);
        Table s1 = Csv.read(out.resolve("s1.csv"));
        assertEquals(200, s1.rowCount());
        for (int i = 0; i < s1.rowCount(); i++) {
            int row = s1.intColumn("row").get(i);
            assertEquals(data.stringColumn("gender").get(row), s1.stringColumn("gender").get(i));
            assertEquals("Male", s1.stringColumn("gender").get(i));
            assertEquals(data.intColumn("age").get(row), s1.intColumn("age").get(i));
        }
        // The auditor's command reaches the same verdict on the supplied files.
        Run audit = DataCommandsTest.run("audit", "--model", dir.resolve("adult.model").toString(), "--data",
                csv.toString(), "--sensitive", "gender", "--protected", "Female", "--s0",
                out.resolve("s0.csv").toString(), "--s1", out.resolve("s1.csv").toString(), "--json");
        assertEquals(0, audit.code(), audit.err());
        JsonObject verdict = JsonParser.parseString(audit.out()).getAsJsonObject();
        assertFalse(verdict.getAsJsonObject("tests").getAsJsonObject("paper").get("detected").getAsBoolean());
        assertEquals(6, verdict.getAsJsonObject("tests").getAsJsonObject("paper").getAsJsonArray("tests").size());
    }

    @Test
    void toyAttackWritesItsFilesAndAllAuditsRun() throws Exception {
        Path out = dir.resolve("toy-attack");
        Run attack = DataCommandsTest.run("attack", "--model", dir.resolve("toy.model").toString(), "--data",
                dir.resolve("toy.csv").toString(), "--sensitive", "sex", "--protected", "Female", "--repeats", "20",
                "--lambdas", "0.1:10:5", "--no-baselines", "--out", out.toString());
        assertEquals(0, attack.code(), attack.err());
        JsonObject r = JsonParser.parseString(Files.readString(out.resolve("result.json"))).getAsJsonObject();
        assertTrue(r.get("brute_force").isJsonNull());
        assertEquals(5, r.getAsJsonObject("phi_before").size());
        Run audit = DataCommandsTest.run("audit", "--model", dir.resolve("toy.model").toString(), "--data",
                dir.resolve("toy.csv").toString(), "--sensitive", "sex", "--protected", "Female", "--s0",
                out.resolve("s0.csv").toString(), "--s1", out.resolve("s1.csv").toString(), "--tests", "paper,duplicates,features",
                "--json");
        assertEquals(0, audit.code(), audit.err());
        JsonObject families = JsonParser.parseString(audit.out()).getAsJsonObject().getAsJsonObject("tests");
        assertEquals(List.of("paper", "duplicates", "features"), List.copyOf(families.keySet()));
    }

    @Test
    void badInputGetsOneLineAndExitCode2() throws Exception {
        String model = dir.resolve("toy.model").toString();
        String data = dir.resolve("toy.csv").toString();
        String out = dir.resolve("bad").toString();
        // --lambdas takes values; exponents are --log10-lambdas, and the error says so
        assertUsage("--log10-lambdas 0:10:5", "attack", "--model", model, "--data", data, "--sensitive", "sex",
                "--protected", "Female", "--lambdas", "0:10:5", "--out", out);
        assertUsage("not both", "attack", "--model", model, "--data", data, "--sensitive", "sex",
                "--protected", "Female", "--lambdas", "1:10:5", "--log10-lambdas", "0:1:5", "--out", out);
        assertUsage("--sensitive zodiac is not one of the model's features", "attack", "--model", model, "--data",
                data, "--sensitive", "zodiac", "--protected", "1", "--out", out);
        assertUsage("M = 100000", "attack", "--model", model, "--data", data, "--sensitive", "sex", "--protected",
                "Female", "--m", "100000", "--out", out);
        assertUsage("only one group present", "attack", "--model", model, "--data", data, "--sensitive", "sex",
                "--protected", "Nobody", "--out", out);
        // A model whose output never changes cannot be attacked (nor explained): say so.
        Table toy = Csv.read(dir.resolve("toy.csv"));
        ModelFile real = ModelFile.load(dir.resolve("toy.model"));
        Model constant = Model.linear(0.5, new double[real.features().width()]);
        new ModelFile(real.features(), constant, ModelKind.LOGISTIC, real.target(), real.targetLevels(), Map.of())
                .save(dir.resolve("constant.model"));
        assertUsage("constant", "attack", "--model", dir.resolve("constant.model").toString(), "--data", data,
                "--sensitive", "sex", "--protected", "Female", "--out", out);
        assertEquals(6000, toy.rowCount());
    }

    private static void assertUsage(String fragment, String... args) {
        Run r = DataCommandsTest.run(args);
        assertEquals(2, r.code(), "exit code for " + String.join(" ", args) + ": " + r.err());
        String err = r.err().trim();
        assertTrue(err.startsWith("error: ") && err.contains(fragment), err);
        assertEquals(1, err.lines().count(), err);
    }
}
