package org.foolshap.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.foolshap.cli.Main;
import org.foolshap.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI reads .onnx models once this module is on the class path (found by ServiceLoader). */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String err) {
    }

    static Run run(String... args) {
        PrintStream old = System.err;
        var err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    /** test.csv split in two: rows 0-59 the foreground, 60-119 the background. */
    private Path[] halves() throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.path("test.csv"));
        Path fg = Files.write(dir.resolve("fg.csv"), concat(lines.get(0), lines.subList(1, 61)));
        Path bg = Files.write(dir.resolve("bg.csv"), concat(lines.get(0), lines.subList(61, lines.size())));
        return new Path[] {fg, bg};
    }

    private static List<String> concat(String header, List<String> rows) {
        var out = new java.util.ArrayList<String>();
        out.add(header);
        out.addAll(rows);
        return out;
    }

    @Test
    void explainAForestGraphWithTreeShap() throws Exception {
        Path[] csv = halves();
        Path out = dir.resolve("phi.csv");
        // the graph names its inputs f0..f3: matched to the CSV's columns by name
        Run r = run("explain", "--model", Fixtures.path("forest_columns.onnx").toString(), "--foreground", csv[0].toString(),
                "--background", csv[1].toString(), "--method", "tree", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("feature,phi,ci_half_width", lines.get(0));
        assertEquals(List.of("f0", "f1", "f2", "f3"), lines.stream().skip(1).map(l -> l.split(",")[0]).toList());
        // efficiency of the global values: sum_i Phi_i = mean f(FG) - mean f(BG), f = the graph's probability
        double sum = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).sum();
        Model f = Onnx.blackBox(Fixtures.path("forest.onnx"));
        double[][] rows = Fixtures.rows();
        double[] p = f.outputs(rows);
        double fg = java.util.Arrays.stream(p, 0, 60).average().orElseThrow();
        double bg = java.util.Arrays.stream(p, 60, 120).average().orElseThrow();
        assertEquals(fg - bg, sum, 1e-6);
    }

    @Test
    void predictGivesTheGraphsOutputForUnnamedAndNamedInputs() throws Exception {
        // forest.onnx's one input X [N, 4] has no names: the CSV's first columns (f0..f3), or --features
        String[][] ways = {{"forest.onnx"}, {"forest.onnx", "--features", "f0,f1,f2,f3"}, {"forest_columns.onnx"},
            {"gbc.onnx"}, {"gbc.onnx", "--output", "probability"}, {"logreg_zipmap.onnx"}};
        String[] expected = {"rf_p1", "rf_p1", "rf_p1", "gbc_p1", "gbc_p1", "lr_p1"};
        for (int k = 0; k < ways.length; k++) {
            Path out = dir.resolve("pred" + k + ".csv");
            var args = new java.util.ArrayList<>(List.of("predict", "--model", Fixtures.path(ways[k][0]).toString(),
                    "--data", Fixtures.path("test.csv").toString(), "--out", out.toString()));
            args.addAll(List.of(ways[k]).subList(1, ways[k].length));
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", ways[k]) + ": " + r.err());
            List<String> lines = Files.readAllLines(out);
            int c = List.of(lines.get(0).split(",")).indexOf("output");
            double[] sklearn = Fixtures.column(expected[k]);
            for (int i = 1; i < lines.size(); i++) {
                assertEquals(sklearn[i - 1], Double.parseDouble(lines.get(i).split(",")[c]), 1e-6,
                        String.join(" ", ways[k]) + " row " + i);
            }
        }
    }

    @Test
    void aGraphWithMoreInputsThanTheCsvHasColumnsIsOneLine() throws Exception {
        Path narrow = Files.writeString(dir.resolve("narrow.csv"), "f0,f1\n1,2\n");
        Run r = run("predict", "--model", Fixtures.path("forest_columns.onnx").toString(), "--data",
                narrow.toString(), "--out", dir.resolve("p.csv").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("f2") && r.err().contains("f3"), r.err());
    }

    @Test
    void aTruncatedGraphIsOneLineExitTwo() throws Exception {
        Path[] csv = halves();
        byte[] forest = Files.readAllBytes(Fixtures.path("forest.onnx"));
        Path cut = Files.write(dir.resolve("cut.onnx"), java.util.Arrays.copyOf(forest, forest.length / 2));
        Run r = run("explain", "--model", cut.toString(), "--foreground", csv[0].toString(), "--background",
                csv[1].toString(), "--out", dir.resolve("phi.csv").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(cut.toString()), r.err());
        assertFalse(Files.exists(dir.resolve("phi.csv")));
    }

    /**
     * --output margin reads the log-odds inside a logistic tree ensemble (it used to keep the graph's probability
     * silently) and refuses, in one line, a graph with no log-odds inside (a forest's vote share).
     */
    @Test
    void outputMarginIsTheLogOddsOrOneLine() throws Exception {
        Path out = dir.resolve("margin.csv");
        Run r = run("predict", "--model", Fixtures.path("gbc.onnx").toString(), "--data",
                Fixtures.path("test.csv").toString(), "--out", out.toString(), "--output", "margin");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        int c = List.of(lines.get(0).split(",")).indexOf("output");
        double[] p = Fixtures.column("gbc_p1");
        for (int i = 1; i < lines.size(); i++) {
            double logit = Math.log(p[i - 1] / (1 - p[i - 1]));
            assertEquals(logit, Double.parseDouble(lines.get(i).split(",")[c]), 1e-4 * (1 + Math.abs(logit)),
                    "row " + i);
        }
        Run forest = run("predict", "--model", Fixtures.path("forest.onnx").toString(), "--data",
                Fixtures.path("test.csv").toString(), "--out", dir.resolve("m2.csv").toString(), "--output", "margin");
        assertEquals(2, forest.code(), forest.err());
        assertEquals(1, forest.err().strip().lines().count(), forest.err());
        assertTrue(forest.err().contains("--output margin"), forest.err());
    }
}
