package org.foolshap.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foolshap.model.Model;
import org.foolshap.model.OutputScale;

/**
 * Any ONNX graph as a black-box {@link Model}, run by ONNX Runtime: one input tensor {@code [N, width]} of floats
 * or doubles, or one {@code [N, 1]} input per feature (as skl2onnx exports a pipeline on named columns); one real
 * output per row chosen by {@link OutputChoice} (the positive class's probability for a
 * binary classifier). Rows are sent in batches of {@link #BATCH}, one {@code run} each, so an explainer's many
 * rows cost few native calls.
 *
 * <p>Thread-safe (ONNX Runtime sessions may be run concurrently) and serializable: the model's bytes are kept and
 * the session, which is native, is opened again after deserialization, on first use.
 */
public final class OnnxModel implements Model {
    private static final long serialVersionUID = 1L;

    /** Rows per ONNX Runtime call: large enough to amortise a call, small enough to bound the input tensor. */
    static final int BATCH = 8192;

    private final byte[] bytes;
    private final String[] inputs;
    private final boolean[] doubleInput;
    private final int width;
    private final OutputChoice output;
    private transient volatile OrtSession session;

    /**
     * @param inputs      one input {@code [N, width]}, or {@code width} inputs {@code [N, 1]}, feature j the j-th
     * @param doubleInput per input, whether it takes doubles (else floats)
     */
    OnnxModel(byte[] bytes, OrtSession session, String[] inputs, boolean[] doubleInput, int width,
              OutputChoice output) {
        if (inputs.length != 1 && inputs.length != width || doubleInput.length != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " inputs for " + width + " features");
        }
        this.bytes = bytes;
        this.session = session;
        this.inputs = inputs.clone();
        this.doubleInput = doubleInput.clone();
        this.width = width;
        this.output = output;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public OutputScale scale() {
        return output.scale();
    }

    /** Which graph output this model returns, and how (for messages and the model file's info). */
    public String outputDescription() {
        return output.description();
    }

    @Override
    public double output(double[] row) {
        return outputs(new double[][] {row})[0];
    }

    @Override
    public double[] outputs(double[][] rows) {
        double[] out = new double[rows.length];
        for (int from = 0; from < rows.length; from += BATCH) {
            int n = Math.min(BATCH, rows.length - from);
            run(rows, from, n, out);
        }
        return out;
    }

    private void run(double[][] rows, int from, int n, double[] out) {
        OrtSession s = session();
        for (int i = 0; i < n; i++) {
            checked(rows[from + i]);
        }
        Map<String, OnnxTensor> feed = new java.util.HashMap<>();
        try {
            if (inputs.length == 1) { // [N, width]
                feed.put(inputs[0], tensor(rows, from, n, 0, width, doubleInput[0]));
            } else { // one [N, 1] input per feature
                for (int j = 0; j < width; j++) {
                    feed.put(inputs[j], tensor(rows, from, n, j, 1, doubleInput[j]));
                }
            }
            try (OrtSession.Result result = s.run(feed, Set.of(output.name()))) {
                extract(result.get(0), n, from, out);
            }
        } catch (OrtException e) {
            // the graph, not the workbench, failed (e.g. an operator refusing these values): the user's file
            throw new IllegalArgumentException("ONNX Runtime failed on " + n + " rows: " + Runtime.firstLine(e), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** Columns {@code first .. first+count-1} of rows {@code from .. from+n-1} as a tensor [n, count]. */
    private static OnnxTensor tensor(double[][] rows, int from, int n, int first, int count, boolean doubles)
            throws OrtException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(n * count * (doubles ? 8 : 4)).order(ByteOrder.nativeOrder());
        long[] shape = {n, count};
        if (doubles) {
            DoubleBuffer d = buffer.asDoubleBuffer();
            for (int i = 0; i < n; i++) {
                d.put(rows[from + i], first, count);
            }
            return OnnxTensor.createTensor(Runtime.environment(), d.rewind(), shape);
        }
        FloatBuffer f = buffer.asFloatBuffer();
        for (int i = 0; i < n; i++) {
            double[] row = rows[from + i];
            for (int j = first; j < first + count; j++) {
                f.put((float) row[j]);
            }
        }
        return OnnxTensor.createTensor(Runtime.environment(), f.rewind(), shape);
    }

    private double[] checked(double[] row) {
        if (row.length != width) {
            throw new IllegalArgumentException("the ONNX model takes " + width + " features, got a row of "
                    + row.length);
        }
        return row;
    }

    private void extract(OnnxValue value, int n, int from, double[] out) throws OrtException {
        switch (output.kind()) {
            case COLUMN, SINGLE -> {
                OnnxTensor t = (OnnxTensor) value;
                long[] shape = t.getInfo().getShape();
                long count = t.getInfo().getNumElements();
                int stride = output.kind() == OutputChoice.Kind.COLUMN ? output.columns() : 1;
                if (count != (long) n * stride) {
                    throw new IllegalArgumentException("the ONNX output " + output.name() + " has shape "
                            + java.util.Arrays.toString(shape) + " for " + n + " rows");
                }
                int col = output.kind() == OutputChoice.Kind.COLUMN ? output.column() : 0;
                if (t.getInfo().type == OnnxJavaType.DOUBLE) {
                    DoubleBuffer d = t.getDoubleBuffer();
                    for (int i = 0; i < n; i++) {
                        out[from + i] = d.get(i * stride + col);
                    }
                } else {
                    FloatBuffer f = t.getFloatBuffer();
                    for (int i = 0; i < n; i++) {
                        out[from + i] = f.get(i * stride + col);
                    }
                }
            }
            case MAP_ENTRY -> {
                List<? extends OnnxValue> maps = ((OnnxSequence) value).getValue();
                if (maps.size() != n) {
                    throw new IllegalArgumentException("the ONNX output " + output.name() + " has " + maps.size()
                            + " maps for " + n + " rows");
                }
                for (int i = 0; i < n; i++) {
                    Map<?, ?> m = ((OnnxMap) maps.get(i)).getValue();
                    Object v = m.get(output.key());
                    if (!(v instanceof Number num)) {
                        throw new IllegalArgumentException("the ONNX output " + output.name() + " has no entry "
                                + output.key() + " (keys " + m.keySet() + ")");
                    }
                    out[from + i] = num.doubleValue();
                }
            }
            default -> throw new AssertionError(output.kind());
        }
    }

    /** The output read. */
    OutputChoice choice() {
        return output;
    }

    OrtSession session() {
        OrtSession s = session;
        if (s == null) {
            synchronized (this) {
                s = session;
                if (s == null) {
                    s = Runtime.session(bytes);
                    session = s;
                }
            }
        }
        return s;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (bytes == null || inputs == null || doubleInput == null || output == null || width < 1
                || (inputs.length != 1 && inputs.length != width) || doubleInput.length != inputs.length) {
            throw new java.io.InvalidObjectException("an ONNX model without its graph, input or output");
        }
    }
}
