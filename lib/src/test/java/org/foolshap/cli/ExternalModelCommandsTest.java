package org.foolshap.cli;

import static org.foolshap.cli.HostileInputTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.foolshap.model.LightGbm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --model FILE.json / FILE.txt in the commands: schema by name or order, the outputs, one-line errors. */
class ExternalModelCommandsTest {
    @TempDir
    Path dir;
    private Path test;

    private Path fixture(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/models/" + name)) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    @BeforeEach
    void copy() throws Exception {
        test = fixture("xgb_test.csv"); // a,b,c,d (empty = missing), margin_binary, margin_regression, margin_dart
    }

    private List<String[]> cells(Path csv) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            out.add(line.split(",", -1));
        }
        return out;
    }

    /** The predict command's 'output' against XGBoost's own margin column of the same row. */
    private void predictMatches(Path model, Path data, String column, boolean probability, String... extra)
            throws Exception {
        Path out = dir.resolve("out.csv");
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString(), "--data",
                data.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        var r = DataCommandsTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        List<String[]> rows = cells(out);
        int want = Arrays.asList(rows.get(0)).indexOf(column);
        int got = Arrays.asList(rows.get(0)).indexOf("output");
        assertEquals(81, rows.size());
        for (String[] row : rows.subList(1, rows.size())) {
            double m = Double.parseDouble(row[want]);
            assertEquals(probability ? 1 / (1 + Math.exp(-m)) : m, Double.parseDouble(row[got]), 1e-6);
        }
    }

    @Test
    void predictGivesXgboostsMarginOrProbability() throws Exception {
        Path binary = fixture("xgb_binary.json");
        predictMatches(binary, test, "margin_binary", false);
        predictMatches(binary, test, "margin_binary", true, "--output", "probability");
        // no names in the file: the CSV's first columns, or --features in any column order
        Path reg = fixture("xgb_regression_unnamed.json");
        predictMatches(reg, test, "margin_regression", false);
        List<String> lines = Files.readAllLines(test);
        List<String> swapped = new ArrayList<>();
        for (String line : lines) {
            String[] c = line.split(",", -1);
            swapped.add(String.join(",", c[3], c[2], c[1], c[0], c[4], c[5], c[6]));
        }
        Path reordered = dir.resolve("reordered.csv");
        Files.write(reordered, swapped);
        predictMatches(reg, reordered, "margin_regression", false, "--features", "a,b,c,d");
        predictMatches(binary, reordered, "margin_binary", false); // names in the file: matched by name
    }

    @Test
    void explainAnXgboostModel() throws Exception {
        // rows with and without missing values (routed by the trees' default directions)
        List<String> lines = Files.readAllLines(test);
        List<String> complete = new ArrayList<>(List.of(lines.get(0)));
        lines.subList(1, lines.size()).stream().filter(l -> !l.contains(",,") && !l.startsWith(",")).limit(6)
                .forEach(complete::add);
        lines.subList(1, lines.size()).stream().filter(l -> l.contains(",,") || l.startsWith(",")).limit(6)
                .forEach(complete::add);
        assertEquals(13, complete.size(), "the fixture has rows with and without missing values");
        Path fg = dir.resolve("fg.csv");
        Files.write(fg, complete);
        Path model = fixture("xgb_binary.json");
        for (String output : List.of("margin", "probability")) {
            Path out = dir.resolve(output + ".csv");
            var r = DataCommandsTest.run("explain", "--model", model.toString(), "--foreground", fg.toString(),
                    "--background", fg.toString(), "--out", out.toString(), "--per-pair", "--output", output);
            assertEquals(0, r.code(), r.err());
            List<String[]> pairs = cells(out);
            assertEquals(List.of("fg", "bg", "a", "b", "c", "d"), Arrays.asList(pairs.get(0)));
            List<String[]> rows = cells(fg);
            for (String[] p : pairs.subList(1, pairs.size())) {
                double x = Double.parseDouble(rows.get(1 + Integer.parseInt(p[0]))[4]);
                double z = Double.parseDouble(rows.get(1 + Integer.parseInt(p[1]))[4]);
                double sum = 0;
                for (int i = 2; i < 6; i++) {
                    sum += Double.parseDouble(p[i]);
                }
                double want = output.equals("margin") ? x - z : 1 / (1 + Math.exp(-x)) - 1 / (1 + Math.exp(-z));
                assertEquals(want, sum, 1e-6); // efficiency against XGBoost's own margins
            }
        }
        var local = DataCommandsTest.run("explain", "--model", model.toString(), "--foreground", fg.toString(),
                "--background", fg.toString(), "--out", dir.resolve("local.csv").toString(), "--local");
        assertEquals(0, local.code(), local.err());
    }

    @Test
    void predictGivesLightgbmsRawScore() throws Exception {
        double[][] x = new double[300][3];
        double[] y = new double[300];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {rng.nextGaussian(), rng.nextGaussian(), rng.nextInt(4)};
            y[i] = x[i][0] + x[i][2] > 1 ? 1 : 0;
        }
        Path model = dir.resolve("lgbm.txt");
        try (LightGbm lgbm = new LightGbm(x, y, "verbose=-1", "verbose=-1 objective=binary num_threads=1 "
                + "num_leaves=4", 5, new String[] {"u", "v", "w"})) {
            lgbm.save(model);
        }
        List<String> csv = new ArrayList<>(List.of("w,extra,v,u"));
        for (double[] r : x) {
            csv.add(r[2] + ",1," + r[1] + "," + r[0]);
        }
        Path data = dir.resolve("lgbm.csv");
        Files.write(data, csv);
        Path out = dir.resolve("lgbm-out.csv");
        var r = DataCommandsTest.run("predict", "--model", model.toString(), "--data", data.toString(), "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        double[] raw = LightGbm.raw(model, x);
        List<String[]> rows = cells(out);
        for (int i = 0; i < x.length; i++) {
            assertEquals(raw[i], Double.parseDouble(rows.get(i + 1)[4]), 1e-6);
        }
    }

    @Test
    void badModelsAndSchemasAreOneLine() throws Exception {
        Path out = dir.resolve("o.csv");
        Path multi = fixture("xgb_multiclass.json");
        assertOneLine(DataCommandsTest.run("predict", "--model", multi.toString(), "--data", test.toString(), "--out",
                out.toString()), multi.toString(), "num_class 3");
        byte[] bytes = Files.readAllBytes(fixture("xgb_binary.json"));
        Path cut = dir.resolve("cut.json");
        Files.write(cut, Arrays.copyOf(bytes, 5000));
        assertOneLine(DataCommandsTest.run("explain", "--model", cut.toString(), "--foreground", test.toString(),
                "--background", test.toString(), "--out", out.toString()), cut.toString(), "truncated");
        // a model with more features than the CSV
        List<String> three = new ArrayList<>();
        for (String line : Files.readAllLines(test)) {
            three.add(String.join(",", Arrays.copyOf(line.split(",", -1), 3)));
        }
        Path small = dir.resolve("three.csv");
        Files.write(small, three);
        assertOneLine(DataCommandsTest.run("predict", "--model", fixture("xgb_binary.json").toString(), "--data",
                small.toString(), "--out", out.toString()), "takes 4 features", "[d]");
        assertOneLine(DataCommandsTest.run("predict", "--model", fixture("xgb_regression_unnamed.json").toString(),
                "--data", small.toString(), "--out", out.toString()), "takes 4 features", "only 3 columns");
        // a text (categorical) column where the model takes numbers
        List<String> text = new ArrayList<>();
        for (String line : Files.readAllLines(test)) {
            String[] c = line.split(",", -1);
            c[1] = c[1].equals("b") ? "b" : "level" + c[1].length();
            text.add(String.join(",", c));
        }
        Path categorical = dir.resolve("text.csv");
        Files.write(categorical, text);
        assertOneLine(DataCommandsTest.run("predict", "--model", fixture("xgb_binary.json").toString(), "--data",
                categorical.toString(), "--out", out.toString()), "column b holds text");
        Path pkl = dir.resolve("model.pkl");
        Files.writeString(pkl, "not a model");
        assertOneLine(DataCommandsTest.run("predict", "--model", pkl.toString(), "--data", test.toString(), "--out",
                out.toString()), ".json (XGBoost)", ".txt (LightGBM)", "foolshap-onnx.jar");
        assertOneLine(DataCommandsTest.run("predict", "--model", fixture("xgb_binary.json").toString(), "--data",
                test.toString(), "--out", out.toString(), "--features", "d,c,b,a"), "--features is for");
        assertOneLine(DataCommandsTest.run("predict", "--model", fixture("xgb_regression_unnamed.json").toString(),
                "--data", test.toString(), "--out", out.toString(), "--output", "probability"),
                "not a log-odds");
        assertTrue(Files.notExists(out));
    }
}
