package org.foolshap.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foolshap.model.LogisticOutput;
import org.foolshap.model.Model;
import org.foolshap.model.OutputScale;
import org.foolshap.model.Tree;
import org.foolshap.model.TreeEnsemble;
import org.foolshap.onnx.Wire.Malformed;

/**
 * Reads an {@code ai.onnx.ml} TreeEnsembleClassifier or TreeEnsembleRegressor graph into the library's
 * {@link TreeEnsemble} view, for exact TreeSHAP on the output the graph produces. The graph must be that one node
 * (plus ZipMap / Identity plumbing on its outputs), reading the graph's input directly (or its per-feature inputs
 * joined by one Concat), with the chosen output
 * ({@link OutputChoice}) coming from it. The view, with ONNX Runtime's semantics:
 * <ul>
 *   <li>nodes: every {@code nodes_modes} (BRANCH_LEQ, LT, GTE, GT, EQ, NEQ as {@link Tree.Test} nodes with
 *       children swapped where the test is negated), compared in float32 for a float input, NaN sent to the true
 *       branch when {@code nodes_missing_value_tracks_true} (and for NEQ, where NaN != t holds), else to the false
 *       branch; the root of each tree is its one node that is no node's child;</li>
 *   <li>regressor (one target): {@code base + sum_t w_t(x)} with aggregate SUM, or {@code base + mean_t w_t(x)} with
 *       AVERAGE, post_transform NONE;</li>
 *   <li>binary classifier: the score of class 1 when it has weights ({@code s_1 + b_1}, or with SOFTMAX
 *       {@code s_1 - s_0 + b_1 - b_0}), otherwise the one score of class 0 ({@code s_0 + b_0}, as skl2onnx writes
 *       binary boosting). post_transform NONE: that score is the probability (random forests); LOGISTIC / SOFTMAX:
 *       the probability is its sigmoid, so the model is a {@link LogisticOutput} of the log-odds ensemble.</li>
 * </ul>
 * Anything else (MIN / MAX aggregates, PROBIT, several targets, more than two classes) is not a tree view:
 * {@link #read} says why, and the graph stays a black box. {@link OnnxFormat} also checks the view against ONNX
 * Runtime on probe rows before using it.
 */
final class OnnxTrees {
    private OnnxTrees() {
    }

    /** A tree view, or why there is none. */
    record Result(Model model, TreeEnsemble ensemble, String why) {
    }

    static Result read(OnnxGraph graph, OutputChoice output, OnnxFormat.Inputs inputs, boolean floatInput)
            throws Malformed {
        int width = inputs.width();
        List<OnnxGraph.Node> trees = graph.nodes().stream()
                .filter(n -> n.domain().equals("ai.onnx.ml") && n.opType().startsWith("TreeEnsemble")).toList();
        if (trees.size() != 1) {
            return none(trees.isEmpty() ? "the graph has no tree-ensemble node" : "the graph has " + trees.size()
                    + " tree-ensemble nodes");
        }
        OnnxGraph.Node tree = trees.get(0);
        boolean classifier = tree.opType().equals("TreeEnsembleClassifier");
        if (!classifier && !tree.opType().equals("TreeEnsembleRegressor")) {
            return none("its " + tree.opType() + " node is not a classifier or regressor of ai.onnx.ml");
        }
        for (OnnxGraph.Node n : graph.nodes()) {
            if (n != tree && n != inputs.concat() && !Set.of("ZipMap", "Identity").contains(n.opType())) {
                return none("the graph computes more than the tree ensemble (a " + n.opType() + " node)");
            }
        }
        if (tree.inputs().isEmpty() || !tree.inputs().get(0).equals(inputs.tensor())) {
            return none("the tree ensemble does not read the graph's input directly (or its inputs joined by "
                    + "one Concat)");
        }
        for (boolean d : inputs.doubles()) {
            if (d == floatInput) {
                return none("the graph's inputs mix floats and doubles");
            }
        }
        int wanted = classifier ? 1 : 0; // probabilities / Y
        if (tree.outputs().size() <= wanted || !reaches(graph, tree.outputs().get(wanted), output.name())) {
            return none("the explained output " + output.name() + " is not the tree ensemble's "
                    + (classifier ? "probabilities" : "prediction"));
        }
        Map<String, Object> why = new LinkedHashMap<>();
        String post = string(tree, "post_transform", "NONE");
        double[] base = numbers(tree, "base_values");
        Leaves leaves = classifier ? classifierLeaves(tree, post, base, why) : regressorLeaves(tree, post, base, why);
        if (leaves == null) {
            return none(String.valueOf(why.get("why")));
        }
        TreeEnsemble ensemble = ensemble(tree, leaves, width, floatInput);
        Model model = leaves.logistic ? new LogisticOutput(ensemble) : ensemble;
        return new Result(model, ensemble, null);
    }

    private static Result none(String why) {
        return new Result(null, null, why);
    }

    /** Whether {@code value} flows to the graph output {@code output} through ZipMap / Identity nodes only. */
    private static boolean reaches(OnnxGraph graph, String value, String output) {
        if (value.equals(output)) {
            return true;
        }
        for (OnnxGraph.Node n : graph.consumers(value)) {
            if (n.opType().equals("ZipMap") || n.opType().equals("Identity")) {
                if (reaches(graph, n.outputs().get(0), output)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What the leaves hold: per (tree id, node id), the weight summed into the explained score; the intercept; the
     * aggregate; whether a sigmoid follows.
     */
    private record Leaves(Map<Long, Map<Long, Double>> values, double intercept, boolean average, boolean logistic,
                          OutputScale scale) {
    }

    private static Leaves classifierLeaves(OnnxGraph.Node tree, String post, double[] base, Map<String, Object> why)
            throws Malformed {
        int classes = Math.max(longs(tree, "classlabels_int64s").length, strings(tree, "classlabels_strings").size());
        if (classes != 2) {
            why.put("why", "the classifier has " + classes + " classes; the tree view is for binary classifiers");
            return null;
        }
        long[] treeIds = longs(tree, "class_treeids");
        long[] nodeIds = longs(tree, "class_nodeids");
        long[] classIds = longs(tree, "class_ids");
        double[] weights = numbers(tree, "class_weights");
        if (treeIds.length != nodeIds.length || classIds.length != nodeIds.length || weights.length != nodeIds.length) {
            throw new Malformed("has class_treeids, class_nodeids, class_ids and class_weights of different lengths");
        }
        boolean hasClass1 = false;
        for (long c : classIds) {
            if (c < 0 || c > 1) {
                throw new Malformed("has a class id " + c + " in a two-class tree ensemble");
            }
            hasClass1 |= c == 1;
        }
        boolean softmax = post.equals("SOFTMAX");
        if (!post.equals("NONE") && !post.equals("LOGISTIC") && !softmax) {
            why.put("why", "post_transform " + post + " is not a sigmoid of an additive score");
            return null;
        }
        if (softmax && (!hasClass1 || base.length == 1)) {
            why.put("why", "post_transform SOFTMAX with one class's score");
            return null;
        }
        if (base.length > 2) {
            throw new Malformed("has " + base.length + " base_values for two classes");
        }
        Map<Long, Map<Long, Double>> values = new HashMap<>();
        for (int k = 0; k < nodeIds.length; k++) {
            double sign;
            if (hasClass1) {
                sign = classIds[k] == 1 ? 1 : softmax ? -1 : 0;
            } else {
                sign = 1;
            }
            if (sign != 0) {
                values.computeIfAbsent(treeIds[k], t -> new HashMap<>()).merge(nodeIds[k], sign * weights[k],
                        Double::sum);
            }
        }
        double intercept;
        if (hasClass1) {
            intercept = base.length == 2 ? base[1] - (softmax ? base[0] : 0) : 0;
        } else {
            intercept = base.length >= 1 ? base[0] : 0;
        }
        boolean logistic = !post.equals("NONE");
        return new Leaves(values, intercept, false, logistic, logistic ? OutputScale.LOG_ODDS
                : OutputScale.PROBABILITY);
    }

    private static Leaves regressorLeaves(OnnxGraph.Node tree, String post, double[] base, Map<String, Object> why)
            throws Malformed {
        long targets = integer(tree, "n_targets", 1);
        String aggregate = string(tree, "aggregate_function", "SUM");
        if (targets != 1) {
            why.put("why", "the regressor has " + targets + " targets");
            return null;
        }
        if (!post.equals("NONE")) {
            why.put("why", "post_transform " + post + " on a regressor");
            return null;
        }
        if (!aggregate.equals("SUM") && !aggregate.equals("AVERAGE")) {
            why.put("why", "aggregate_function " + aggregate + " is not a sum");
            return null;
        }
        long[] treeIds = longs(tree, "target_treeids");
        long[] nodeIds = longs(tree, "target_nodeids");
        long[] targetIds = longs(tree, "target_ids");
        double[] weights = numbers(tree, "target_weights");
        if (treeIds.length != nodeIds.length || targetIds.length != nodeIds.length || weights.length != nodeIds.length) {
            throw new Malformed("has target_treeids, target_nodeids, target_ids and target_weights of different "
                    + "lengths");
        }
        Map<Long, Map<Long, Double>> values = new HashMap<>();
        for (int k = 0; k < nodeIds.length; k++) {
            if (targetIds[k] != 0) {
                throw new Malformed("has a target id " + targetIds[k] + " in a one-target regressor");
            }
            values.computeIfAbsent(treeIds[k], t -> new HashMap<>()).merge(nodeIds[k], weights[k], Double::sum);
        }
        if (base.length > 1) {
            throw new Malformed("has " + base.length + " base_values for one target");
        }
        return new Leaves(values, base.length == 1 ? base[0] : 0, aggregate.equals("AVERAGE"), false,
                OutputScale.RAW);
    }

    private static TreeEnsemble ensemble(OnnxGraph.Node node, Leaves leaves, int width, boolean floatInput)
            throws Malformed {
        long[] treeIds = longs(node, "nodes_treeids");
        long[] nodeIds = longs(node, "nodes_nodeids");
        long[] features = longs(node, "nodes_featureids");
        List<String> modes = strings(node, "nodes_modes");
        double[] thresholds = numbers(node, "nodes_values");
        long[] yes = longs(node, "nodes_truenodeids");
        long[] no = longs(node, "nodes_falsenodeids");
        long[] tracks = longs(node, "nodes_missing_value_tracks_true");
        int n = nodeIds.length;
        if (n == 0 || treeIds.length != n || features.length != n || modes.size() != n || thresholds.length != n
                || yes.length != n || no.length != n || (tracks.length != 0 && tracks.length != n)) {
            throw new Malformed("has node attributes (nodes_treeids, nodes_nodeids, nodes_featureids, nodes_modes, "
                    + "nodes_values, nodes_truenodeids, nodes_falsenodeids) of different lengths or none");
        }
        // the nodes of each tree, in the file's order of trees
        Map<Long, List<Integer>> byTree = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            byTree.computeIfAbsent(treeIds[k], t -> new ArrayList<>()).add(k);
        }
        for (Long t : leaves.values.keySet()) {
            if (!byTree.containsKey(t)) {
                throw new Malformed("has leaf weights for tree " + t + ", which has no nodes");
            }
        }
        List<Tree> trees = new ArrayList<>();
        for (var e : byTree.entrySet()) {
            List<Integer> rows = e.getValue();
            Map<Long, Integer> index = new HashMap<>();
            for (int r : rows) {
                if (index.put(nodeIds[r], index.size()) != null) {
                    throw new Malformed("has node " + nodeIds[r] + " of tree " + e.getKey() + " twice");
                }
            }
            Map<Long, Double> values = leaves.values.getOrDefault(e.getKey(), Map.of());
            Tree.Builder b = new Tree.Builder(rows.size());
            boolean[] child = new boolean[rows.size()];
            for (int r : rows) {
                int k = index.get(nodeIds[r]);
                String mode = modes.get(r);
                if (mode.equals("LEAF")) {
                    b.leaf(k, values.getOrDefault(nodeIds[r], 0.0));
                    continue;
                }
                Integer t = index.get(yes[r]);
                Integer f = index.get(no[r]);
                if (t == null || f == null) {
                    throw new Malformed("has node " + nodeIds[r] + " of tree " + e.getKey() + " whose child is not a "
                            + "node of that tree");
                }
                if (features[r] < 0 || features[r] >= width) {
                    throw new Malformed("has a node testing feature " + features[r] + " of an input of " + width);
                }
                child[t] = true;
                child[f] = true;
                int feature = (int) features[r];
                boolean nanTrue = tracks.length > 0 && tracks[r] != 0;
                double th = thresholds[r];
                switch (mode) {
                    case "BRANCH_LEQ" -> b.split(k, feature, Tree.Test.LE, th, t, f, nanTrue);
                    case "BRANCH_LT" -> b.split(k, feature, Tree.Test.LT, th, t, f, nanTrue);
                    case "BRANCH_GTE" -> b.split(k, feature, Tree.Test.LT, th, f, t, !nanTrue);
                    case "BRANCH_GT" -> b.split(k, feature, Tree.Test.LE, th, f, t, !nanTrue);
                    case "BRANCH_EQ" -> b.split(k, feature, Tree.Test.EQ, th, t, f, nanTrue);
                    case "BRANCH_NEQ" -> b.split(k, feature, Tree.Test.EQ, th, f, t, false); // NaN != t: true
                    default -> throw new Malformed("has an unknown node mode " + mode);
                }
                if (floatInput) {
                    b.float32(k);
                }
            }
            int root = -1;
            for (int k = 0; k < child.length; k++) {
                if (!child[k]) {
                    if (root >= 0) {
                        throw new Malformed("has tree " + e.getKey() + " with two roots (nodes no node points to)");
                    }
                    root = k;
                }
            }
            if (root < 0) {
                throw new Malformed("has tree " + e.getKey() + " without a root (its nodes form a cycle)");
            }
            try {
                trees.add(b.build(root));
            } catch (IllegalArgumentException x) {
                throw new Malformed("has tree " + e.getKey() + " that is not a tree: " + x.getMessage());
            }
        }
        double[] w = new double[trees.size()];
        java.util.Arrays.fill(w, leaves.average ? 1.0 / trees.size() : 1.0);
        return new TreeEnsemble(width, trees, w, leaves.intercept, leaves.scale);
    }

    // ---- attributes

    private static long[] longs(OnnxGraph.Node n, String name) throws Malformed {
        OnnxGraph.Attribute a = n.attribute(name);
        return a == null ? new long[0] : a.ints();
    }

    private static List<String> strings(OnnxGraph.Node n, String name) throws Malformed {
        OnnxGraph.Attribute a = n.attribute(name);
        return a == null ? List.of() : a.strings();
    }

    /** A float list, or its double {@code NAME_as_tensor} form (opset 3). */
    private static double[] numbers(OnnxGraph.Node n, String name) throws Malformed {
        OnnxGraph.Attribute a = n.attribute(name);
        OnnxGraph.Attribute t = n.attribute(name + "_as_tensor");
        if (a != null && t != null) {
            throw new Malformed("has both " + name + " and " + name + "_as_tensor");
        }
        return a != null ? a.floats() : t != null ? t.floats() : new double[0];
    }

    private static String string(OnnxGraph.Node n, String name, String otherwise) throws Malformed {
        OnnxGraph.Attribute a = n.attribute(name);
        return a == null || a.s() == null ? otherwise : a.s();
    }

    private static long integer(OnnxGraph.Node n, String name, long otherwise) throws Malformed {
        OnnxGraph.Attribute a = n.attribute(name);
        return a == null || a.i() == null ? otherwise : a.i();
    }
}
