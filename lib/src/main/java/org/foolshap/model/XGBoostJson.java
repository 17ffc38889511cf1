package org.foolshap.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an XGBoost model saved with {@code save_model("model.json")} (JSON format of XGBoost 1.7 to 3.x) into a
 * {@link TreeEnsemble} whose output is exactly XGBoost's margin: {@code base_margin + sum of leaf values}, where a
 * node sends a row left when {@code (float) x[f] < (float) split} and NaN the node's default direction
 * ({@code default_left}), as XGBoost's predictor does on float32 inputs. Objectives {@code binary:logistic}
 * (margin = log-odds; {@code base_score} is a probability, turned into its logit) and {@code reg:squarederror}
 * ({@code base_score} is the margin); boosters {@code gbtree} and {@code dart} (its tree weights). Anything else
 * (multiclass, ranking, categorical splits, vector leaves, gblinear) is refused in one line.
 *
 * <p>XGBoost sums the trees in float32, the ensemble in double: the two agree to about 1e-7 relative.
 */
final class XGBoostJson implements ModelFormat {
    static final String NAME = "XGBoost";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> suffixes() {
        return List.of(".json");
    }

    @Override
    public ExternalModel read(Path file) throws IOException {
        JsonObject root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonReader reader = new JsonReader(r);
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("is not an XGBoost JSON model (its top level is not an object)");
            }
            root = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("is not valid JSON (truncated or damaged): " + firstLine(e));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException("is not UTF-8 text, so not an XGBoost JSON model");
        }
        return parse(root);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static ExternalModel parse(JsonObject root) {
        JsonObject learner = object(root, "learner", "");
        String version = root.has("version") ? root.get("version").toString() : "unknown";
        JsonObject param = object(learner, "learner_model_param", "learner.");
        String objective = string(object(learner, "objective", "learner."), "name", "learner.objective.");
        int numFeature = integer(param, "num_feature", "learner.learner_model_param.");
        if (numFeature < 1) {
            throw new IllegalArgumentException("declares " + numFeature + " features");
        }
        for (String k : List.of("num_class", "num_target")) {
            if (param.has(k) && integer(param, k, "learner.learner_model_param.") > 1) {
                throw new IllegalArgumentException("has " + k + " " + param.get(k).getAsString() + " (objective "
                        + objective + "); only single-output models (binary:logistic, reg:squarederror) are read");
            }
        }
        double base = baseScore(param);
        double intercept;
        OutputScale scale;
        switch (objective) {
            case "binary:logistic" -> {
                if (!(base > 0 && base < 1)) {
                    throw new IllegalArgumentException("has base_score " + base + ", not a probability in (0, 1)");
                }
                intercept = Math.log(base / (1 - base));
                scale = OutputScale.LOG_ODDS;
            }
            case "reg:squarederror" -> {
                intercept = base;
                scale = OutputScale.RAW;
            }
            default -> throw new IllegalArgumentException("has objective " + objective + "; only binary:logistic and "
                    + "reg:squarederror are read");
        }
        JsonObject booster = object(learner, "gradient_booster", "learner.");
        String kind = booster.has("name") ? booster.get("name").getAsString() : "gbtree";
        JsonObject gbtree;
        double[] dartWeights = null;
        switch (kind) {
            case "gbtree" -> gbtree = booster;
            case "dart" -> {
                gbtree = object(booster, "gbtree", "learner.gradient_booster.");
                dartWeights = numbers(array(booster, "weight_drop", "learner.gradient_booster."), "weight_drop");
            }
            default -> throw new IllegalArgumentException("has booster " + kind + "; only tree boosters (gbtree, "
                    + "dart) are read");
        }
        JsonArray treesJson = array(object(gbtree, "model", "learner.gradient_booster."), "trees",
                "learner.gradient_booster.model.");
        List<Tree> trees = new ArrayList<>();
        for (int t = 0; t < treesJson.size(); t++) {
            if (!treesJson.get(t).isJsonObject()) {
                throw new IllegalArgumentException("has tree " + t + " that is not an object");
            }
            try {
                trees.add(tree(treesJson.get(t).getAsJsonObject(), numFeature));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tree " + t + ": " + e.getMessage());
            }
        }
        double[] weights = new double[trees.size()];
        java.util.Arrays.fill(weights, 1);
        if (dartWeights != null) {
            if (dartWeights.length != weights.length) {
                throw new IllegalArgumentException("has " + dartWeights.length + " dart weights for "
                        + weights.length + " trees");
            }
            weights = dartWeights;
        }
        List<String> names = new ArrayList<>();
        if (learner.has("feature_names") && learner.get("feature_names").isJsonArray()) {
            for (JsonElement n : learner.getAsJsonArray("feature_names")) {
                names.add(n.getAsString());
            }
        }
        if (!names.isEmpty() && names.size() != numFeature) {
            throw new IllegalArgumentException("names " + names.size() + " features but declares " + numFeature);
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("objective", objective);
        info.put("xgboost_version", version);
        info.put("base_score", Double.toString(base));
        info.put("trees", Integer.toString(trees.size()));
        return new ExternalModel(NAME, new TreeEnsemble(numFeature, trees, weights, intercept, scale), names, info);
    }

    /** base_score: "5E-1" in 1.x/2.x, "[5E-1]" (a vector) in 3.x. */
    private static double baseScore(JsonObject param) {
        String s = string(param, "base_score", "learner.learner_model_param.").trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            String[] parts = s.substring(1, s.length() - 1).split(",");
            if (parts.length != 1) {
                throw new IllegalArgumentException("has base_score " + s + "; only single-output models are read");
            }
            s = parts[0].trim();
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has base_score '" + s + "', not a finite number");
        }
    }

    private static Tree tree(JsonObject t, int numFeature) {
        int[] left = ints(array(t, "left_children", ""), "left_children");
        int[] right = ints(array(t, "right_children", ""), "right_children");
        int[] feature = ints(array(t, "split_indices", ""), "split_indices");
        double[] cond = numbers(array(t, "split_conditions", ""), "split_conditions");
        boolean[] defaultLeft = booleans(array(t, "default_left", ""));
        int n = left.length;
        if (n == 0 || right.length != n || feature.length != n || cond.length != n || defaultLeft.length != n) {
            throw new IllegalArgumentException("its node arrays have different lengths (" + n + " left_children, "
                    + right.length + " right_children, " + feature.length + " split_indices, " + cond.length
                    + " split_conditions, " + defaultLeft.length + " default_left)");
        }
        if (t.has("split_type")) {
            int[] types = ints(t.getAsJsonArray("split_type"), "split_type");
            for (int k = 0; k < types.length; k++) {
                if (types[k] != 0 && k < n && left[k] != -1) {
                    throw new IllegalArgumentException("node " + k + " is a categorical split, which is not read; "
                            + "train with numeric (e.g. one-hot or code) inputs");
                }
            }
        }
        if (t.has("tree_param") && t.get("tree_param").isJsonObject()) {
            JsonObject p = t.getAsJsonObject("tree_param");
            if (p.has("size_leaf_vector") && integer(p, "size_leaf_vector", "tree_param.") > 1) {
                throw new IllegalArgumentException("has vector leaves (multi-output), which are not read");
            }
        }
        Tree.Builder b = new Tree.Builder(n);
        for (int k = 0; k < n; k++) {
            if (left[k] == -1) {
                b.leaf(k, cond[k]);
            } else {
                if (feature[k] < 0 || feature[k] >= numFeature) {
                    throw new IllegalArgumentException("node " + k + " tests feature " + feature[k] + " of "
                            + numFeature);
                }
                b.split(k, feature[k], Tree.Test.LT, cond[k], left[k], right[k], defaultLeft[k]).float32(k);
            }
        }
        return b.build();
    }

    // ---- JSON access with one-line errors naming the field

    private static JsonObject object(JsonObject o, String key, String path) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("lacks the object " + path + key + " (not an XGBoost JSON model)");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String key, String path) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException("lacks the array " + path + key);
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonObject o, String key, String path) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw new IllegalArgumentException("lacks " + path + key);
        }
        return e.getAsString();
    }

    private static int integer(JsonObject o, String key, String path) {
        String s = string(o, key, path);
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has " + path + key + " '" + s + "', not an integer");
        }
    }

    private static int[] ints(JsonArray a, String what) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = a.get(i).getAsInt();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("has " + what + "[" + i + "] = " + a.get(i) + ", not an integer");
            }
        }
        return out;
    }

    private static double[] numbers(JsonArray a, String what) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = a.get(i).getAsDouble();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("has " + what + "[" + i + "] = " + a.get(i) + ", not a number");
            }
        }
        return out;
    }

    /** default_left: 0/1 numbers in 1.x, booleans in later versions. */
    private static boolean[] booleans(JsonArray a) {
        boolean[] out = new boolean[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement e = a.get(i);
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
                out[i] = e.getAsBoolean();
            } else {
                try {
                    out[i] = e.getAsInt() != 0;
                } catch (RuntimeException x) {
                    throw new IllegalArgumentException("has default_left[" + i + "] = " + e + ", not a flag");
                }
            }
        }
        return out;
    }
}
