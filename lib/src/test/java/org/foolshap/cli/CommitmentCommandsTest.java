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
import java.util.stream.Stream;
import org.foolshap.data.Csv;
import org.foolshap.data.Toy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commit, draw, reveal and verify commands through picocli and the CLI's own error handling (Main's command line
 * with these commands added): files written, exit codes 0 / 1 / 2, one-line errors.
 */
class CommitmentCommandsTest {
    @TempDir
    static Path shared;

    static Path data;
    static Path model;

    record Run(int code, String out, String err) {
    }

    /** Runs a command line; the commitment commands are added to Main's unless Main already has them. */
    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = Main.commandLine();
            for (Object c : List.of(new CommitCommand(), new DrawCommand(), new RevealCommand(), new VerifyCommand())) {
                String name = c.getClass().getAnnotation(CommandLine.Command.class).name();
                if (!cl.getSubcommands().containsKey(name)) {
                    cl.addSubcommand(name, c);
                }
            }
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void dataAndModel() {
        data = shared.resolve("toy.csv");
        Csv.write(Toy.generate(300, 3), data);
        model = shared.resolve("toy.model");
        Run r = run("train", "--dataset", "toy", "--model", "gbt", "--trees", "20", "--seed", "1", "--out",
                model.toString());
        assertEquals(0, r.code(), r.err());
    }

    static JsonObject json(Path p) throws Exception {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    }

    static void assertOneLineError(Run r, String... words) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        for (String w : words) {
            assertTrue(r.err().contains(w), "'" + w + "' in " + r.err());
        }
    }

    @Test
    void commitDrawRevealVerify(@TempDir Path dir) throws Exception {
        Path commitment = dir.resolve("commitment.json");
        Run c = run("commit", "--data", data.toString(), "--model", model.toString(), "--out", commitment.toString());
        assertEquals(0, c.code(), c.err());
        JsonObject cj = json(commitment);
        assertEquals(64, cj.get("root").getAsString().length());
        assertEquals(300, cj.get("rows").getAsInt());
        assertTrue(cj.get("scheme").getAsString().contains("SHA-256"));
        assertEquals(List.of("sex", "height", "muscle", "noise1", "noise2", "employed"), cj.getAsJsonObject("schema")
                .getAsJsonArray("columns").asList().stream().map(e -> e.getAsJsonObject().get("name").getAsString())
                .toList());
        JsonObject sex = cj.getAsJsonObject("groups").getAsJsonObject("sex");
        assertEquals(300, sex.get("Female").getAsInt() + sex.get("Male").getAsInt());
        assertEquals(64, cj.get("model_sha256").getAsString().length());

        Path request = dir.resolve("request.json");
        Run d = run("draw", "--commitment", commitment.toString(), "--seed", "7", "--m", "50", "--sensitive", "sex",
                "--protected", "Female", "--out", request.toString());
        assertEquals(0, d.code(), d.err());
        assertEquals(50, json(request).getAsJsonArray("positions").size());
        Path again = dir.resolve("again.json");
        assertEquals(0, run("draw", "--commitment", commitment.toString(), "--seed", "7", "--m", "50", "--sensitive",
                "sex", "--protected", "Female", "--out", again.toString()).code());
        assertEquals(json(request).get("positions"), json(again).get("positions"), "reproducible from the seed");

        Path reveal = dir.resolve("reveal.json");
        Run rv = run("reveal", "--data", data.toString(), "--request", request.toString(), "--model", model.toString(),
                "--out", reveal.toString());
        assertEquals(0, rv.code(), rv.err());
        assertEquals(50, json(reveal).getAsJsonArray("rows").size());

        Run ok = run("verify", "--commitment", commitment.toString(), "--request", request.toString(), "--reveal",
                reveal.toString(), "--model", model.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().startsWith("verified"), ok.out());
        assertEquals(1, ok.out().strip().lines().count());
        Run noModel = run("verify", "--commitment", commitment.toString(), "--request", request.toString(),
                "--reveal", reveal.toString());
        assertEquals(0, noModel.code(), noModel.out());

        // one byte changed in row 2's revealed values: exit 1 and one line naming the row
        JsonObject tampered = json(reveal);
        var values = tampered.getAsJsonArray("rows").get(2).getAsJsonObject().getAsJsonArray("values");
        String height = values.get(1).getAsString();
        int digit = height.length() - 1;
        values.set(1, new com.google.gson.JsonPrimitive(Double.parseDouble(height.substring(0, digit)
                + (height.charAt(digit) == '1' ? '2' : '1'))));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, tampered.toString());
        Run fail = run("verify", "--commitment", commitment.toString(), "--request", request.toString(), "--reveal",
                bad.toString());
        assertEquals(1, fail.code(), fail.out() + fail.err());
        assertEquals(1, fail.out().strip().lines().count(), fail.out());
        assertTrue(fail.out().startsWith("not verified") && fail.out().contains("row 2"), fail.out());

        // the rows of another seed's draw
        Path request8 = dir.resolve("request8.json");
        Path reveal8 = dir.resolve("reveal8.json");
        assertEquals(0, run("draw", "--commitment", commitment.toString(), "--seed", "8", "--m", "50", "--sensitive",
                "sex", "--protected", "Female", "--out", request8.toString()).code());
        assertEquals(0, run("reveal", "--data", data.toString(), "--request", request8.toString(), "--model",
                model.toString(), "--out", reveal8.toString()).code());
        Run other = run("verify", "--commitment", commitment.toString(), "--request", request.toString(), "--reveal",
                reveal8.toString());
        assertEquals(1, other.code(), other.out());
        assertTrue(other.out().contains("row 0") && other.out().contains("position"), other.out());

        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void mistakesAreOneLineErrorsWithExitTwo(@TempDir Path dir) throws Exception {
        Path commitment = dir.resolve("c.json");
        assertEquals(0, run("commit", "--data", data.toString(), "--out", commitment.toString()).code());
        assertTrue(json(commitment).get("model_sha256").isJsonNull());
        Path request = dir.resolve("r.json");
        String n = json(commitment).getAsJsonObject("groups").getAsJsonObject("sex").get("Male").getAsString();
        assertOneLineError(run("draw", "--commitment", commitment.toString(), "--seed", "1", "--m",
                String.valueOf(Integer.parseInt(n) + 1), "--sensitive", "sex", "--protected", "Male", "--out",
                request.toString()), "cannot draw", n);
        assertOneLineError(run("draw", "--commitment", commitment.toString(), "--seed", "1", "--m", "5",
                "--sensitive", "sex", "--out", request.toString()), "--protected");
        assertOneLineError(run("draw", "--commitment", commitment.toString(), "--seed", "1", "--m", "5",
                "--sensitive", "sex", "--protected", "female", "--out", request.toString()), "Female", "Male");
        assertOneLineError(run("draw", "--commitment", commitment.toString(), "--seed", "1", "--m", "5",
                "--sensitive", "height", "--protected", "170", "--out", request.toString()), "not a group column");
        assertOneLineError(run("commit", "--data", dir.resolve("none.csv").toString(), "--out",
                dir.resolve("x.json").toString()), "none.csv");
        assertOneLineError(run("commit", "--data", data.toString(), "--groups", "nope", "--out",
                dir.resolve("x.json").toString()), "nope");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"foolshap-commitment-v1\", \"rows\": 3}");
        assertOneLineError(run("draw", "--commitment", broken.toString(), "--seed", "1", "--m", "1", "--out",
                request.toString()), "broken.json", "root");
        assertOneLineError(run("draw", "--commitment", commitment.toString(), "--seed", "1", "--m", "5", "--out",
                commitment.toString()), "--out");
        // a reveal from data other than the committed data
        assertEquals(0, run("draw", "--commitment", commitment.toString(), "--seed", "1", "--m", "5", "--out",
                request.toString()).code());
        Path otherData = dir.resolve("other.csv");
        Csv.write(Toy.generate(300, 4), otherData);
        assertOneLineError(run("reveal", "--data", otherData.toString(), "--request", request.toString(), "--out",
                dir.resolve("v.json").toString()), "not the committed data");
        assertOneLineError(run("reveal", "--data", data.toString(), "--request", request.toString(), "--model",
                model.toString(), "--out", dir.resolve("v.json").toString()), "--model");
        assertFalse(Files.exists(dir.resolve("v.json")), "nothing written on error");
    }
}
