package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XGBoost JSON models written by XGBoost 1.7 (src/test/resources/models/make_xgboost_fixtures.py): the ensemble
 * gives XGBoost's own margins, NaN included, and TreeSHAP explains it exactly.
 */
class XGBoostJsonTest {
    @TempDir
    Path dir;

    static Path fixture(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = XGBoostJsonTest.class.getResourceAsStream("/models/" + name)) {
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    /** The test CSV: 4 feature columns (empty = NaN), then one margin column per model. */
    static double[][] csv(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(fixture(dir, "xgb_test.csv"), StandardCharsets.UTF_8);
        List<double[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            out.add(Arrays.stream(cells).mapToDouble(c -> c.isEmpty() ? Double.NaN : Double.parseDouble(c))
                    .toArray());
        }
        return out.toArray(new double[0][]);
    }

    private static double[] features(double[] row) {
        return Arrays.copyOf(row, 4);
    }

    private void matchesXgboost(String file, int column, OutputScale scale, List<String> names) throws IOException {
        ExternalModel e = ModelFormats.read(fixture(dir, file));
        assertEquals("XGBoost", e.format());
        assertEquals(scale, e.scale());
        assertEquals(names, e.featureNames());
        double[][] rows = csv(dir);
        int withNaN = 0;
        for (double[] r : rows) {
            double[] x = features(r);
            withNaN += Arrays.stream(x).anyMatch(Double::isNaN) ? 1 : 0;
            assertEquals(r[column], e.model().output(x), 1e-6, file + " row " + Arrays.toString(r));
        }
        assertTrue(withNaN > 20, "the fixture has rows with missing values: " + withNaN);
        // TreeSHAP = exact enumeration, efficiency, on rows with and without missing values (both routed by the
        // nodes' default directions)
        double[][] some = java.util.stream.Stream.concat(
                Arrays.stream(rows).map(XGBoostJsonTest::features).filter(x -> Arrays.stream(x).noneMatch(Double::isNaN))
                        .limit(6),
                Arrays.stream(rows).map(XGBoostJsonTest::features).filter(x -> Arrays.stream(x).anyMatch(Double::isNaN))
                        .limit(6)).toArray(double[][]::new);
        var tree = Explainers.tree((TreeEnsemble) e.model());
        var exact = Explainers.exact(e.model());
        for (double[] x : some) {
            for (double[] z : some) {
                double[] phi = tree.phi(x, z);
                assertArrayEquals(exact.phi(x, z), phi, 1e-9);
                assertEquals(e.model().output(x) - e.model().output(z), Arrays.stream(phi).sum(), 1e-9);
            }
        }
    }

    @Test
    void binaryLogisticGivesXgboostsMargin() throws IOException {
        matchesXgboost("xgb_binary.json", 4, OutputScale.LOG_ODDS, List.of("a", "b", "c", "d"));
        TreeEnsemble m = (TreeEnsemble) ModelFormats.read(fixture(dir, "xgb_binary.json")).model();
        assertEquals(Math.log(0.3 / 0.7), m.intercept(), 1e-7); // base_score 0.3 is a probability
    }

    @Test
    void regressionWithoutNamesGivesXgboostsPrediction() throws IOException {
        matchesXgboost("xgb_regression_unnamed.json", 5, OutputScale.RAW, List.of());
    }

    @Test
    void dartUsesItsTreeWeights() throws IOException {
        matchesXgboost("xgb_dart.json", 6, OutputScale.LOG_ODDS, List.of("a", "b", "c", "d"));
    }

    /** Each NaN goes the node's default direction: flipping default_left changes the margins XGBoost gave. */
    @Test
    void missingValuesFollowTheDefaultDirection() throws IOException {
        Path file = fixture(dir, "xgb_binary.json");
        var json = com.google.gson.JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        for (var t : json.getAsJsonObject("learner").getAsJsonObject("gradient_booster").getAsJsonObject("model")
                .getAsJsonArray("trees")) {
            var d = t.getAsJsonObject().getAsJsonArray("default_left");
            for (int i = 0; i < d.size(); i++) {
                d.set(i, new com.google.gson.JsonPrimitive(1 - d.get(i).getAsInt()));
            }
        }
        Model right = ModelFormats.read(file).model();
        Model wrong = XGBoostJson.parse(json).model();
        int differ = 0;
        for (double[] r : csv(dir)) {
            double[] x = features(r);
            boolean nan = Arrays.stream(x).anyMatch(Double::isNaN);
            assertEquals(r[4], right.output(x), 1e-6);
            if (!nan) {
                assertEquals(right.output(x), wrong.output(x), 0.0); // only NaN is routed by default_left
            } else if (Math.abs(wrong.output(x) - r[4]) > 1e-3) {
                differ++;
            }
        }
        assertTrue(differ > 5, "NaN rows whose margin depends on the default direction: " + differ);
    }

    @Test
    void badFilesAreOneLineErrors() throws IOException {
        Path multi = fixture(dir, "xgb_multiclass.json");
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(multi));
        assertTrue(e.getMessage().startsWith("model file " + multi + " (XGBoost) has num_class 3 (objective "
                + "multi:softprob)"), e.getMessage());
        byte[] bytes = Files.readAllBytes(fixture(dir, "xgb_binary.json"));
        Path cut = dir.resolve("cut.json");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(cut));
        assertTrue(e.getMessage().startsWith("model file " + cut + " (XGBoost) is not valid JSON (truncated"),
                e.getMessage());
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"something else\"}");
        e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(other));
        assertTrue(e.getMessage().contains("lacks the object learner"), e.getMessage());
        Path unknown = dir.resolve("model.pkl");
        Files.writeString(unknown, "pickle");
        e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(unknown));
        assertTrue(e.getMessage().contains(".json (XGBoost), .txt (LightGBM)") && e.getMessage().contains(
                "foolshap-onnx.jar"), e.getMessage());
        for (var ex : List.of(e)) {
            assertFalse(ex.getMessage().contains("\n"));
        }
    }
}
