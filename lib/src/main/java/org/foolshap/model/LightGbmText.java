package org.foolshap.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a LightGBM model saved with {@code save_model("model.txt")} into a {@link TreeEnsemble} whose output is
 * LightGBM's raw score (times {@code sigmoid} for {@code binary}, so that it is the log-odds; 1 by default), with
 * LightGBM's own node rules ({@code Tree::NumericalDecision} and {@code CategoricalDecision}):
 * <ul>
 *   <li>numerical: left when {@code x <= threshold} in double precision; {@code decision_type} bit 1 is the
 *       default direction and bits 2-3 the missing type: None (NaN is read as 0, so it goes where 0 goes), Zero
 *       (NaN and values within 1e-35f of zero go the default direction) or NaN (NaN goes the default direction);</li>
 *   <li>categorical ({@code decision_type} bit 0): left when {@code (int) x} is in the node's bitset
 *       ({@code cat_threshold} words between {@code cat_boundaries}); NaN and negative values go right.</li>
 * </ul>
 * Leaf values already include the shrinkage. In random-forest mode ({@code average_output}) the output is the
 * mean of the trees: the log-odds whose sigmoid LightGBM predicts (LightGBM's own "raw score" of a forest is the
 * sum of its trees, which no prediction uses). Objectives: binary and the identity-link regressions (regression, regression_l1, huber, fair,
 * quantile, mape); multiclass, ranking, exp-link objectives and linear trees are refused in one line.
 */
final class LightGbmText implements ModelFormat {
    static final String NAME = "LightGBM";
    private static final List<String> RAW_OBJECTIVES =
            List.of("regression", "regression_l2", "regression_l1", "huber", "fair", "quantile", "mape");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> suffixes() {
        return List.of(".txt");
    }

    @Override
    public ExternalModel read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line.strip());
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException("is not UTF-8 text, so not a LightGBM text model");
        }
        return parse(lines);
    }

    static ExternalModel parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals("tree")) {
            throw new IllegalArgumentException("is not a LightGBM text model (its first line is not 'tree')");
        }
        // header: key=value lines (and the flag average_output) up to the first Tree=
        Map<String, String> header = new HashMap<>();
        boolean average = false;
        int i = 1;
        for (; i < lines.size() && !lines.get(i).startsWith("Tree="); i++) {
            String line = lines.get(i);
            if (line.equals("average_output")) {
                average = true;
            } else if (line.equals("end of trees")) {
                break;
            } else {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    header.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        int numClass = integer(header, "num_class", "the header");
        int perIteration = header.containsKey("num_tree_per_iteration")
                ? integer(header, "num_tree_per_iteration", "the header") : 1;
        String objectiveLine = require(header, "objective", "the header");
        String objective = objectiveLine.split(" ")[0];
        if (numClass != 1 || perIteration != 1) {
            throw new IllegalArgumentException("has objective " + objectiveLine + " with " + numClass + " classes; "
                    + "only single-output models (binary, regression) are read");
        }
        double sigmoid = 1;
        OutputScale scale;
        if (objective.equals("binary")) {
            scale = OutputScale.LOG_ODDS;
            for (String part : objectiveLine.split(" ")) {
                if (part.startsWith("sigmoid:")) {
                    sigmoid = number(part.substring("sigmoid:".length()), "the objective's sigmoid");
                }
            }
        } else if (RAW_OBJECTIVES.contains(objective)) {
            scale = OutputScale.RAW;
        } else {
            throw new IllegalArgumentException("has objective " + objectiveLine + "; only binary and the "
                    + "identity-link regressions " + RAW_OBJECTIVES + " are read");
        }
        int width = integer(header, "max_feature_idx", "the header") + 1;
        if (width < 1) {
            throw new IllegalArgumentException("declares " + width + " features");
        }
        String[] names = require(header, "feature_names", "the header").split(" ");
        if (names.length != width) {
            throw new IllegalArgumentException("names " + names.length + " features but max_feature_idx says "
                    + width);
        }
        List<Tree> trees = new ArrayList<>();
        boolean ended = false;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.equals("end of trees")) {
                ended = true;
                break;
            }
            if (!line.startsWith("Tree=")) {
                i++;
                continue;
            }
            Map<String, String> block = new HashMap<>();
            int t = trees.size();
            for (i++; i < lines.size() && !lines.get(i).isEmpty() && !lines.get(i).startsWith("Tree=")
                    && !lines.get(i).equals("end of trees"); i++) {
                int eq = lines.get(i).indexOf('=');
                if (eq > 0) {
                    block.put(lines.get(i).substring(0, eq), lines.get(i).substring(eq + 1));
                }
            }
            try {
                trees.add(tree(block, width));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tree " + t + ": " + e.getMessage());
            }
        }
        if (!ended) {
            throw new IllegalArgumentException("lacks its 'end of trees' line (truncated)");
        }
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("holds no trees");
        }
        double[] weights = new double[trees.size()];
        java.util.Arrays.fill(weights, sigmoid * (average ? 1.0 / trees.size() : 1.0));
        List<String> featureNames = List.of(names);
        if (defaultNames(names)) {
            featureNames = List.of(); // trained without names: the CSV's order or --features decide
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("objective", objectiveLine);
        info.put("lightgbm_version", header.getOrDefault("version", "unknown"));
        info.put("trees", Integer.toString(trees.size()));
        if (average) {
            info.put("average_output", "true");
        }
        return new ExternalModel(NAME, new TreeEnsemble(width, trees, weights, 0, scale), featureNames, info);
    }

    /** LightGBM names the inputs Column_0, Column_1, ... when it was given none. */
    private static boolean defaultNames(String[] names) {
        for (int j = 0; j < names.length; j++) {
            if (!names[j].equals("Column_" + j)) {
                return false;
            }
        }
        return true;
    }

    private static Tree tree(Map<String, String> b, int width) {
        int leaves = integer(b, "num_leaves", "the block");
        if (leaves < 1) {
            throw new IllegalArgumentException("has " + leaves + " leaves");
        }
        if (b.containsKey("is_linear") && integer(b, "is_linear", "the block") != 0) {
            throw new IllegalArgumentException("is a linear tree, which is not read");
        }
        double[] leafValue = numbers(b, "leaf_value", leaves);
        if (leaves == 1) {
            return new Tree.Builder(1).leaf(0, leafValue[0]).build();
        }
        int inner = leaves - 1;
        int[] feature = ints(b, "split_feature", inner);
        double[] threshold = numbers(b, "threshold", inner);
        int[] decision = ints(b, "decision_type", inner);
        int[] left = ints(b, "left_child", inner);
        int[] right = ints(b, "right_child", inner);
        int numCat = b.containsKey("num_cat") ? integer(b, "num_cat", "the block") : 0;
        int[] catBoundaries = numCat > 0 ? ints(b, "cat_boundaries", numCat + 1) : new int[] {0};
        long[] catWords = numCat > 0 ? words(b, catBoundaries[numCat]) : new long[0];
        // internal node k -> builder node k; leaf j (child ~j) -> builder node inner + j
        Tree.Builder builder = new Tree.Builder(inner + leaves);
        for (int j = 0; j < leaves; j++) {
            builder.leaf(inner + j, leafValue[j]);
        }
        for (int k = 0; k < inner; k++) {
            if (feature[k] < 0 || feature[k] >= width) {
                throw new IllegalArgumentException("node " + k + " tests feature " + feature[k] + " of " + width);
            }
            int yes = child(left[k], inner, leaves, k);
            int no = child(right[k], inner, leaves, k);
            int d = decision[k];
            boolean defaultLeft = (d & 2) != 0;
            int missing = (d >> 2) & 3;
            if ((d & 1) != 0) {
                int c = (int) threshold[k];
                if (c < 0 || c >= numCat || c != threshold[k]) {
                    throw new IllegalArgumentException("node " + k + " refers to category set " + threshold[k]
                            + " of " + numCat);
                }
                builder.categories(k, feature[k], categories(catWords, catBoundaries[c], catBoundaries[c + 1], k),
                        yes, no, false); // NaN and negative values go right
            } else if (missing == 0) {
                builder.split(k, feature[k], Tree.Test.LE, threshold[k], yes, no, 0 <= threshold[k]); // NaN -> 0
            } else if (missing == 1) {
                builder.split(k, feature[k], Tree.Test.LE, threshold[k], yes, no, defaultLeft).zeroIsMissing(k);
            } else if (missing == 2) {
                builder.split(k, feature[k], Tree.Test.LE, threshold[k], yes, no, defaultLeft);
            } else {
                throw new IllegalArgumentException("node " + k + " has decision_type " + d + " (missing type 3)");
            }
        }
        return builder.build(0);
    }

    private static int child(int c, int inner, int leaves, int node) {
        if (c >= 0 && c < inner) {
            return c;
        }
        if (c < 0 && ~c < leaves) {
            return inner + ~c;
        }
        throw new IllegalArgumentException("node " + node + " has child " + c + " outside the tree");
    }

    private static int[] categories(long[] words, int from, int to, int node) {
        if (from < 0 || to > words.length || from > to) {
            throw new IllegalArgumentException("node " + node + " has a category set outside cat_threshold");
        }
        List<Integer> out = new ArrayList<>();
        for (int w = from; w < to; w++) {
            for (int bit = 0; bit < 32; bit++) {
                if ((words[w] >>> bit & 1) != 0) {
                    long category = 32L * (w - from) + bit;
                    if (category > Tree.MAX_CATEGORY) {
                        throw new IllegalArgumentException("node " + node + " lists category " + category);
                    }
                    out.add((int) category);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long[] words(Map<String, String> b, int count) {
        String[] parts = fields(b, "cat_threshold", count);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                out[i] = -1;
            }
            if (out[i] < 0 || out[i] > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("has cat_threshold '" + parts[i] + "', not a 32-bit word");
            }
        }
        return out;
    }

    private static String require(Map<String, String> m, String key, String where) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("lacks " + key + " in " + where + " (not a LightGBM text model, or "
                    + "truncated)");
        }
        return v;
    }

    private static int integer(Map<String, String> m, String key, String where) {
        String v = require(m, key, where);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has " + key + "=" + v + ", not an integer");
        }
    }

    private static double number(String s, String what) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has " + what + " '" + s + "', not a number");
        }
    }

    private static String[] fields(Map<String, String> b, String key, int count) {
        String v = require(b, key, "a tree block");
        String[] parts = v.isEmpty() ? new String[0] : v.split(" ");
        if (parts.length != count) {
            throw new IllegalArgumentException("has " + parts.length + " values of " + key + " where " + count
                    + " are needed");
        }
        return parts;
    }

    private static double[] numbers(Map<String, String> b, String key, int count) {
        String[] parts = fields(b, key, count);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = number(parts[i], key);
        }
        return out;
    }

    private static int[] ints(Map<String, String> b, String key, int count) {
        String[] parts = fields(b, key, count);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("has " + key + " value '" + parts[i] + "', not an integer");
            }
        }
        return out;
    }
}
