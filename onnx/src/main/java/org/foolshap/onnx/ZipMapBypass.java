package org.foolshap.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.foolshap.model.OutputScale;

/**
 * Reads a classifier's probabilities from the tensor its ZipMap zips rather than from the maps: ONNX Runtime's Java
 * API builds one map object per row, about 40 times slower than a {@code [N, 2]} tensor, and explainers ask for
 * many rows. The tensor is made a graph output by appending to the model's bytes a second {@code graph} field that
 * holds only that output: protocol-buffers parsers merge a repeated message field into the first, so the graph is
 * unchanged but for one more output. The bypass is used only when ONNX Runtime accepts it and gives the maps' numbers
 * on probe rows; otherwise the maps are read.
 */
final class ZipMapBypass {
    private ZipMapBypass() {
    }

    /** A faster model reading the same numbers, or null to keep {@code zipMap}. */
    static OnnxModel of(OnnxGraph graph, byte[] bytes, OnnxModel zipMap, OutputChoice choice, String[] inputs,
                        boolean[] doubles) {
        String tensor = null;
        for (OnnxGraph.Node n : graph.nodes()) {
            if (n.opType().equals("ZipMap") && n.outputs().contains(choice.name()) && n.inputs().size() == 1) {
                tensor = n.inputs().get(0);
            }
        }
        String name = tensor;
        if (name == null || graph.outputs().stream().anyMatch(v -> v.name().equals(name))) {
            return null;
        }
        byte[] more = withOutput(bytes, name);
        OrtSession session = null;
        try {
            session = Runtime.session(more);
            NodeInfo info = session.getOutputInfo().get(name);
            if (info == null || !(info.getInfo() instanceof TensorInfo t)
                    || (t.type != OnnxJavaType.FLOAT && t.type != OnnxJavaType.DOUBLE) || t.getShape().length != 2
                    || (t.getShape()[1] != 2 && t.getShape()[1] != -1)) {
                session.close();
                return null;
            }
            OutputChoice column = new OutputChoice(name, OutputChoice.Kind.COLUMN, 2, 1, null,
                    OutputScale.PROBABILITY, choice.name());
            OnnxModel fast = new OnnxModel(more, session, inputs, doubles, zipMap.width(), column);
            SplittableRandom random = new SplittableRandom(5);
            double[][] rows = new double[64][zipMap.width()];
            for (double[] row : rows) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextDouble(-3, 3);
                }
            }
            if (!java.util.Arrays.equals(zipMap.outputs(rows), fast.outputs(rows))) {
                session.close();
                return null;
            }
            return fast;
        } catch (IllegalArgumentException | IllegalStateException | OrtException e) {
            try {
                if (session != null) {
                    session.close();
                }
            } catch (OrtException ignored) {
                // the maps are read instead; nothing to report
            }
            return null;
        }
    }

    /** {@code model} with one more graph output named {@code value} (type left to ONNX Runtime's inference). */
    static byte[] withOutput(byte[] model, String value) {
        byte[] name = value.getBytes(StandardCharsets.UTF_8);
        var info = new ByteArrayOutputStream();
        info.write(0x0a); // ValueInfoProto.name
        varint(info, name.length);
        info.writeBytes(name);
        var graph = new ByteArrayOutputStream();
        graph.write(0x62); // GraphProto.output (field 12)
        varint(graph, info.size());
        graph.writeBytes(info.toByteArray());
        var out = new ByteArrayOutputStream(model.length + graph.size() + 8);
        out.writeBytes(model);
        out.write(0x3a); // ModelProto.graph (field 7), merged into the first
        varint(out, graph.size());
        out.writeBytes(graph.toByteArray());
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }
}
