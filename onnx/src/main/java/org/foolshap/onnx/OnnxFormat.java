package org.foolshap.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.foolshap.model.ExternalModel;
import org.foolshap.model.Model;
import org.foolshap.model.ModelFile;
import org.foolshap.model.ModelFormat;
import org.foolshap.model.Tree;
import org.foolshap.model.TreeEnsemble;
import org.foolshap.onnx.Wire.Malformed;

/**
 * ONNX model files ({@code .onnx}), found by the library through {@link java.util.ServiceLoader} when
 * foolshap-onnx.jar is on the class path. A graph that is one tree ensemble ({@link OnnxTrees}) becomes a
 * {@link TreeEnsemble} (exact TreeSHAP), after its predictions are checked against ONNX Runtime's on probe rows
 * around every split; any other graph, or a tree view that disagrees, is an {@link OnnxModel} black box (exact or
 * sampling explainers). The file is first read by a bounded parser ({@link OnnxGraph}), so a damaged or hostile
 * file is one line, before ONNX Runtime sees it.
 */
public final class OnnxFormat implements ModelFormat {
    /** Probe rows on which a tree view must agree with ONNX Runtime. */
    static final int PROBES = 512;

    @Override
    public String name() {
        return "ONNX";
    }

    @Override
    public List<String> suffixes() {
        return List.of(".onnx");
    }

    @Override
    public ExternalModel read(Path file) throws IOException {
        return read(bytes(file), true);
    }

    /** Reads the graph; {@code trees} false keeps even a tree ensemble a black box. */
    static ExternalModel read(byte[] bytes, boolean trees) {
        OnnxGraph graph;
        try {
            graph = OnnxGraph.read(bytes);
        } catch (Malformed e) {
            throw new IllegalArgumentException(e.getMessage() + " (not a valid ONNX file)");
        }
        OrtSession session = Runtime.session(bytes);
        boolean keep = false;
        try {
            Inputs in = Inputs.of(graph, session.getInputInfo());
            int width = in.width();
            boolean floatInput = !in.doubles()[0];
            OutputChoice output = OutputChoice.choose(graph, session);
            String[] names = in.names().toArray(String[]::new);
            OnnxModel blackBox = new OnnxModel(bytes, session, names, in.doubles(), width, output);
            if (output.kind() == OutputChoice.Kind.MAP_ENTRY) {
                OnnxModel fast = ZipMapBypass.of(graph, bytes, blackBox, output, names, in.doubles());
                if (fast != null) {
                    session.close();
                    session = fast.session();
                    blackBox = fast;
                    output = fast.choice();
                }
            }
            Map<String, String> about = new LinkedHashMap<>();
            about.put("onnx.producer", graph.producer().isEmpty() ? "unknown" : graph.producer());
            about.put("onnx.output", output.description());
            Model model = blackBox;
            String view = "black box run by ONNX Runtime";
            if (trees) {
                OnnxTrees.Result r = OnnxTrees.read(graph, output, in, floatInput);
                if (r.model() == null) {
                    view += " (" + r.why() + ")";
                } else {
                    String differs = differs(r.model(), r.ensemble(), blackBox);
                    if (differs == null) {
                        model = r.model();
                        view = "tree ensemble of " + r.ensemble().trees().size() + " trees"
                                + (r.model() == r.ensemble() ? "" : ", output = sigmoid of its log-odds")
                                + " (TreeSHAP)";
                    } else {
                        view += " (its tree view " + differs + ")";
                    }
                }
            }
            about.put("onnx.model", view);
            keep = model == blackBox;
            return new ExternalModel("ONNX", model, in.matrix() ? List.of() : in.names(), about);
        } catch (Malformed e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (OrtException e) {
            throw new IllegalArgumentException("is refused by ONNX Runtime: " + Runtime.firstLine(e));
        } finally {
            if (!keep) {
                try {
                    session.close();
                } catch (OrtException ignored) {
                    // closing a session we no longer need: nothing to report
                }
            }
        }
    }

    /**
     * What the model feeds the graph. Either one tensor {@code [N, F]} ({@code matrix}; no feature names), or one
     * {@code [N, 1]} tensor per feature, named by the graph's inputs (skl2onnx's pipelines on named columns), in the
     * order of the Concat node that joins them when one does, else in the graph's order.
     *
     * @param names   the input's name (matrix), or the inputs' names in feature order
     * @param doubles per name, whether it takes doubles
     * @param matrix  whether one tensor carries all features
     * @param width   the number of features
     * @param concat  the Concat node that joins per-feature inputs, or null
     */
    record Inputs(List<String> names, boolean[] doubles, boolean matrix, int width, OnnxGraph.Node concat) {
        static Inputs of(OnnxGraph graph, Map<String, NodeInfo> info) throws Malformed {
            List<OnnxGraph.Value> declared = graph.inputs();
            if (declared.isEmpty()) {
                throw new Malformed("has no input");
            }
            long[][] shapes = new long[declared.size()][];
            boolean[] doubles = new boolean[declared.size()];
            for (int k = 0; k < declared.size(); k++) {
                String name = declared.get(k).name();
                NodeInfo i = info.get(name);
                if (i == null || !(i.getInfo() instanceof TensorInfo t)
                        || (t.type != OnnxJavaType.FLOAT && t.type != OnnxJavaType.DOUBLE)
                        || t.getShape().length != 2) {
                    throw new Malformed("has input " + name + " " + (i == null ? "" : i.getInfo()) + "; the "
                            + "workbench feeds one tensor [N, features], or one [N, 1] per feature, of floats or "
                            + "doubles");
                }
                shapes[k] = t.getShape();
                doubles[k] = t.type == OnnxJavaType.DOUBLE;
            }
            if (declared.size() == 1) {
                long f = shapes[0][1];
                if (f < 1 || f > 1 << 20) {
                    throw new Malformed("has input " + declared.get(0).name() + " of " + (f < 1 ? "an unknown number "
                            + "of" : f) + " features; the workbench needs a fixed number, at most " + (1 << 20));
                }
                return new Inputs(List.of(declared.get(0).name()), doubles, true, (int) f, null);
            }
            List<String> names = new java.util.ArrayList<>();
            for (int k = 0; k < declared.size(); k++) {
                if (shapes[k][1] != 1) {
                    throw new Malformed("has " + declared.size() + " inputs and " + declared.get(k).name() + " is not "
                            + "[N, 1]; the workbench feeds one tensor [N, features], or one [N, 1] per feature");
                }
                names.add(declared.get(k).name());
            }
            // the Concat that joins exactly these inputs (axis 1) decides the order of the features
            OnnxGraph.Node concat = null;
            for (OnnxGraph.Node n : graph.nodes()) {
                OnnxGraph.Attribute axis = n.opType().equals("Concat") ? n.attribute("axis") : null;
                if (axis != null && axis.i() != null && (axis.i() == 1 || axis.i() == -1)
                        && n.inputs().size() == names.size() && new java.util.HashSet<>(n.inputs()).equals(
                        new java.util.HashSet<>(names))) {
                    concat = n;
                }
            }
            List<String> order = concat == null ? names : concat.inputs();
            boolean[] ordered = new boolean[order.size()];
            for (int j = 0; j < order.size(); j++) {
                ordered[j] = doubles[names.indexOf(order.get(j))];
            }
            return new Inputs(List.copyOf(order), ordered, false, order.size(), concat);
        }

        /** The value the features reach the graph as: the matrix input, or the Concat's output. */
        String tensor() {
            return matrix ? names.get(0) : concat == null ? null : concat.outputs().get(0);
        }
    }

    static byte[] bytes(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        long size = Files.size(file);
        if (size > ModelFile.MAX_BYTES) {
            throw new IllegalArgumentException("has " + size + " bytes, more than the " + ModelFile.MAX_BYTES
                    + " a model file may have");
        }
        return Files.readAllBytes(file);
    }

    /**
     * Null when the tree view gives ONNX Runtime's numbers on {@link #PROBES} rows made of each feature's split
     * values, their float32 neighbours, values between and beyond them, and NaN; else what differs. Tolerance: ONNX
     * Runtime sums the leaves in float32, so 1e-5 of the largest output the trees can sum to.
     */
    static String differs(Model view, TreeEnsemble ensemble, OnnxModel runtime) {
        double[][] rows = probes(ensemble, new SplittableRandom(13));
        double[] a = view.outputs(rows);
        double[] b = runtime.outputs(rows);
        double bound = Math.abs(ensemble.intercept());
        for (int t = 0; t < ensemble.trees().size(); t++) {
            Tree tree = ensemble.tree(t);
            double max = 0;
            for (int k = 0; k < tree.size(); k++) {
                if (tree.leaf(k)) {
                    max = Math.max(max, Math.abs(tree.value(k)));
                }
            }
            bound += Math.abs(ensemble.weight(t)) * max;
        }
        double tolerance = 1e-5 * Math.max(1, bound);
        for (int i = 0; i < rows.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= tolerance)) {
                return "gives " + a[i] + " where ONNX Runtime gives " + b[i] + " on " + java.util.Arrays.toString(rows[i]);
            }
        }
        return null;
    }

    static double[][] probes(TreeEnsemble ensemble, SplittableRandom random) {
        int width = ensemble.width();
        double[][] splits = new double[width][];
        int[] count = new int[width];
        for (Tree tree : ensemble.trees()) {
            for (int k = 0; k < tree.size(); k++) {
                if (!tree.leaf(k)) {
                    count[tree.feature(k)]++;
                }
            }
        }
        for (int j = 0; j < width; j++) {
            splits[j] = new double[count[j]];
            count[j] = 0;
        }
        for (Tree tree : ensemble.trees()) {
            for (int k = 0; k < tree.size(); k++) {
                if (!tree.leaf(k)) {
                    splits[tree.feature(k)][count[tree.feature(k)]++] = tree.split(k);
                }
            }
        }
        double[][] rows = new double[PROBES][width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                if (splits[j].length == 0) {
                    row[j] = random.nextDouble(-1, 1);
                    continue;
                }
                float s = (float) splits[j][random.nextInt(splits[j].length)];
                row[j] = switch (random.nextInt(8)) {
                    case 0 -> Math.nextUp(s);
                    case 1 -> Math.nextDown(s);
                    case 2 -> s - 1 - random.nextDouble() * Math.abs(s);
                    case 3 -> s + 1 + random.nextDouble() * Math.abs(s);
                    case 4 -> Double.NaN;
                    case 5 -> (s + (float) splits[j][random.nextInt(splits[j].length)]) / 2;
                    default -> s;
                };
            }
        }
        return rows;
    }
}
