package org.foolshap.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.foolshap.model.OutputScale;
import org.foolshap.onnx.Wire.Malformed;

/**
 * Which of a graph's outputs is the one real number explained per row, and how to read it. In order of preference:
 * <ol>
 *   <li>a binary classifier's probabilities: a sequence of maps (ZipMap, as skl2onnx writes
 *       {@code output_probability}), read at the second class label, or a float tensor {@code [N, 2]}, read in
 *       column 1; the probability of the positive class;</li>
 *   <li>otherwise the first float or double tensor {@code [N]} or {@code [N, 1]} (a regressor, a score); a
 *       probability when a Sigmoid node makes it.</li>
 * </ol>
 * Integer outputs (predicted labels) are never chosen. A classifier of more than two classes is refused.
 *
 * @param name    the graph output
 * @param kind    how it is read
 * @param columns a COLUMN tensor's width (2)
 * @param column  the column read
 * @param key     a MAP_ENTRY's key (Long or String)
 * @param scale   what the number means
 * @param zipped  the ZipMap output this COLUMN tensor feeds, read instead of the maps (see {@link ZipMapBypass}),
 *                or null
 */
record OutputChoice(String name, Kind kind, int columns, int column, Serializable key, OutputScale scale,
                    String zipped) implements Serializable {
    enum Kind { COLUMN, SINGLE, MAP_ENTRY }

    String description() {
        return switch (kind) {
            case COLUMN -> "column " + column + " of " + name + " [N, " + columns + "] (probability of class "
                    + column + (zipped == null ? "" : "; the tensor ZipMap turns into " + zipped) + ")";
            case SINGLE -> name + (scale == OutputScale.PROBABILITY ? " (a sigmoid's probability)" : "");
            case MAP_ENTRY -> "entry " + key + " of " + name + " (probability of class " + key + ")";
        };
    }

    static OutputChoice choose(OnnxGraph graph, OrtSession session) throws Malformed {
        Map<String, NodeInfo> info;
        try {
            info = session.getOutputInfo();
        } catch (OrtException e) {
            throw new Malformed("has outputs ONNX Runtime cannot describe: " + Runtime.firstLine(e));
        }
        List<String> seen = new ArrayList<>();
        OutputChoice single = null;
        for (OnnxGraph.Value v : graph.outputs()) {
            NodeInfo node = info.get(v.name());
            if (node == null) {
                continue;
            }
            seen.add(v.name() + " " + node.getInfo());
            if (node.getInfo() instanceof SequenceInfo s && s.isSequenceOfMaps()) {
                List<Object> labels = zipMapLabels(graph, v.name());
                if (labels == null) {
                    continue;
                }
                if (labels.size() != 2) {
                    throw new Malformed("is a classifier of " + labels.size() + " classes; only binary classifiers "
                            + "(and single outputs) are explained");
                }
                return new OutputChoice(v.name(), Kind.MAP_ENTRY, 0, 0, (Serializable) labels.get(1),
                        OutputScale.PROBABILITY, null);
            }
            if (node.getInfo() instanceof TensorInfo t
                    && (t.type == OnnxJavaType.FLOAT || t.type == OnnxJavaType.DOUBLE)) {
                long[] shape = t.getShape();
                if (shape.length == 2 && shape[1] == 2) {
                    return new OutputChoice(v.name(), Kind.COLUMN, 2, 1, null, OutputScale.PROBABILITY, null);
                }
                if (shape.length == 2 && shape[1] > 2) {
                    throw new Malformed("has an output " + v.name() + " of " + shape[1] + " columns (a classifier of "
                            + shape[1] + " classes?); only binary classifiers and single outputs are explained");
                }
                if (single == null && (shape.length == 1 || shape.length == 2 && shape[1] == 1)) {
                    boolean sigmoid = madeBy(graph, v.name()).equals("Sigmoid");
                    single = new OutputChoice(v.name(), Kind.SINGLE, 1, 0, null,
                            sigmoid ? OutputScale.PROBABILITY : OutputScale.RAW, null);
                }
            }
        }
        if (single == null) {
            throw new Malformed("has no output that gives one number per row (a float tensor [N], [N, 1] or a binary "
                    + "classifier's [N, 2] or ZipMap probabilities); its outputs: " + seen);
        }
        return single;
    }

    /** The operator that computes {@code value}, looking through Identity nodes; "" for an input or initializer. */
    private static String madeBy(OnnxGraph graph, String value) {
        for (int hops = 0; hops <= graph.nodes().size(); hops++) {
            String v = value;
            OnnxGraph.Node maker = graph.nodes().stream().filter(n -> n.outputs().contains(v)).findFirst()
                    .orElse(null);
            if (maker == null) {
                return "";
            }
            if (!maker.opType().equals("Identity") || maker.inputs().isEmpty()) {
                return maker.opType();
            }
            value = maker.inputs().get(0);
        }
        return ""; // a cycle of Identity nodes; ONNX Runtime refuses such a graph anyway
    }

    /** The class labels of the ZipMap node that makes {@code output}, or null if no ZipMap makes it. */
    private static List<Object> zipMapLabels(OnnxGraph graph, String output) throws Malformed {
        for (OnnxGraph.Node n : graph.nodes()) {
            if (n.opType().equals("ZipMap") && n.outputs().contains(output)) {
                OnnxGraph.Attribute ints = n.attribute("classlabels_int64s");
                if (ints != null && ints.ints().length > 0) {
                    List<Object> out = new ArrayList<>();
                    for (long l : ints.ints()) {
                        out.add(l);
                    }
                    return out;
                }
                OnnxGraph.Attribute strings = n.attribute("classlabels_strings");
                return strings == null ? List.of() : new ArrayList<>(strings.strings());
            }
        }
        return null;
    }
}
