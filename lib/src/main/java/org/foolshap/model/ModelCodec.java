package org.foolshap.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foolshap.data.Feature;
import org.foolshap.data.Features;

/**
 * The model file format: numbers and strings only, so reading a file never runs code chosen by the file (no Java
 * serialization) and allocates at most what the file's own bytes justify. Layout (big-endian; a string is an int
 * byte count and UTF-8 bytes; an array is an int count and its elements):
 *
 * <pre>
 * "FOOLSHAP-MODEL\n"  int version (2; version 1 files are still read)
 * string kind  string target  int levels, string[]  int info entries, (string key, string value)[]
 * int features, (string name, int levels, string[] levels, byte missing allowed (not in version 1))[]
 * byte model type, then
 *   1 trees:  int width, string scale, double intercept, int trees,
 *             (double weight, int nodes, (int feature, double split, byte test, byte flags, int yes, int no,
 *                                         double value, [int[] categories when test is IN])[])[]
 *           (version 1 nodes: int feature, double split, byte nominal, int yes, int no, double value)
 *   2 linear: double bias, double[] weights
 *   3 dense:  double[] mean, double[] scale, int hidden layers, (int n, int p, double[n*p] weights, double[n] bias)[],
 *             output layer (int 1, int p, double[p] weights, double[1] bias)
 * int end marker 0x454E4421 ("END!"), then nothing
 * </pre>
 *
 * Every count is checked against the bytes left before anything is allocated, and every value goes through the
 * constructors' checks ({@link Tree}, {@link TreeEnsemble}, {@link DenseNetwork}, {@link Features}).
 */
final class ModelCodec {
    static final byte[] MAGIC = "FOOLSHAP-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    /** The first format: trees had only Smile's plain nodes (byte nominal). */
    static final int VERSION_1 = 1;
    private static final int END = 0x454E4421;
    private static final byte TREES = 1;
    private static final byte LINEAR = 2;
    private static final byte DENSE = 3;

    private ModelCodec() {
    }

    /** A file whose bytes are not a valid model; the message says what is wrong, without the file's name. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    // ---- writing

    static byte[] encode(ModelFile m) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            string(out, m.kind().id());
            string(out, m.target());
            strings(out, m.targetLevels());
            out.writeInt(m.info().size());
            for (var e : new java.util.TreeMap<>(m.info()).entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue());
            }
            out.writeInt(m.features().width());
            for (Feature f : m.features().list()) {
                string(out, f.name());
                strings(out, f.levels());
                out.writeByte(f.missingAllowed() ? 1 : 0);
            }
            model(out, m.model());
            out.writeInt(END);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static void model(DataOutputStream out, Model model) throws IOException {
        if (model instanceof TreeEnsemble t) {
            out.writeByte(TREES);
            out.writeInt(t.width());
            string(out, t.scale().name());
            out.writeDouble(t.intercept());
            out.writeInt(t.trees().size());
            for (int k = 0; k < t.trees().size(); k++) {
                Tree tree = t.tree(k);
                out.writeDouble(t.weight(k));
                out.writeInt(tree.size());
                for (int n = 0; n < tree.size(); n++) {
                    out.writeInt(tree.feature(n));
                    out.writeDouble(tree.split(n));
                    out.writeByte(tree.testCode(n));
                    out.writeByte(tree.flagBits(n));
                    out.writeInt(tree.yes(n));
                    out.writeInt(tree.no(n));
                    out.writeDouble(tree.value(n));
                    if (!tree.leaf(n) && tree.test(n) == Tree.Test.IN) {
                        int[] c = tree.categories(n);
                        out.writeInt(c.length);
                        for (int v : c) {
                            out.writeInt(v);
                        }
                    }
                }
            }
        } else if (model instanceof LinearModel l) {
            out.writeByte(LINEAR);
            out.writeDouble(l.bias());
            doubles(out, l.weights());
        } else if (model instanceof DenseNetwork d) {
            out.writeByte(DENSE);
            doubles(out, d.encoding().mean());
            doubles(out, d.encoding().scale());
            out.writeInt(d.hidden().size());
            for (DenseNetwork.Layer l : d.hidden()) {
                layer(out, l);
            }
            layer(out, d.outputLayer());
        } else {
            throw new IllegalArgumentException("a model file holds trained, tree-ensemble and linear models as data; "
                    + "a " + model.getClass().getSimpleName() + " (e.g. made with Model.of(function)) is code and "
                    + "cannot be saved");
        }
    }

    private static void layer(DataOutputStream out, DenseNetwork.Layer l) throws IOException {
        out.writeInt(l.n());
        out.writeInt(l.p());
        for (double w : l.weights()) {
            out.writeDouble(w);
        }
        doubles(out, l.bias());
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static void doubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    // ---- reading

    static ModelFile decode(byte[] bytes) throws Malformed {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length == 0) {
            throw new Malformed("is empty");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xAC && (bytes[1] & 0xff) == 0xED) {
            throw new Malformed("holds Java-serialized objects, which are no longer read (deserializing could run "
                    + "code or exhaust memory); a model written by an older version must be trained again");
        }
        for (byte b : MAGIC) {
            if (!in.hasRemaining() || in.get() != b) {
                throw new Malformed("is not a Fool SHAP model file");
            }
        }
        try {
            int version = in.getInt();
            if (version != VERSION && version != VERSION_1) {
                throw new Malformed("has format version " + version + "; this version reads " + VERSION_1 + " and "
                        + VERSION);
            }
            ModelKind kind = ModelKind.parse(string(in));
            String target = string(in);
            List<String> levels = strings(in);
            int infoCount = count(in, 8, "info entries");
            Map<String, String> info = new LinkedHashMap<>();
            for (int i = 0; i < infoCount; i++) {
                String key = string(in);
                if (info.put(key, string(in)) != null) {
                    throw new Malformed("has info key '" + key + "' twice");
                }
            }
            int width = count(in, 8, "features");
            List<Feature> features = new ArrayList<>();
            for (int j = 0; j < width; j++) {
                features.add(new Feature(string(in), strings(in), version != VERSION_1 && in.get() != 0));
            }
            Features f = new Features(features);
            Model model = model(in, f, version);
            if (in.remaining() < 4 || in.getInt() != END || in.hasRemaining()) {
                throw new Malformed("has bytes after the model or lacks its end marker");
            }
            return new ModelFile(f, model, kind, target, levels, info);
        } catch (BufferUnderflowException e) {
            throw new Malformed("is truncated (" + bytes.length + " bytes)");
        } catch (IllegalArgumentException e) {
            throw new Malformed("is damaged: " + e.getMessage());
        }
    }

    private static Model model(ByteBuffer in, Features features, int version) throws Malformed {
        byte type = in.get();
        switch (type) {
            case TREES -> {
                int width = in.getInt();
                OutputScale scale = OutputScale.parse(string(in));
                double intercept = in.getDouble();
                int count = count(in, 12, "trees");
                List<Tree> trees = new ArrayList<>(count);
                double[] weights = new double[count];
                for (int t = 0; t < count; t++) {
                    weights[t] = in.getDouble();
                    trees.add(version == VERSION_1 ? tree1(in) : tree(in));
                }
                return new TreeEnsemble(width, trees, weights, intercept, scale);
            }
            case LINEAR -> {
                double bias = in.getDouble();
                double[] w = doubles(in);
                for (double v : w) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("a linear weight is " + v);
                    }
                }
                if (!Double.isFinite(bias)) {
                    throw new IllegalArgumentException("the linear bias is " + bias);
                }
                return new LinearModel(bias, w);
            }
            case DENSE -> {
                DenseEncoding encoding = new DenseEncoding(features, doubles(in), doubles(in));
                int layers = in.getInt();
                if (layers < 0 || layers > DenseNetwork.MAX_LAYERS) {
                    throw new Malformed("declares " + layers + " hidden layers (at most " + DenseNetwork.MAX_LAYERS
                            + ")");
                }
                List<DenseNetwork.Layer> hidden = new ArrayList<>();
                for (int k = 0; k < layers; k++) {
                    hidden.add(layer(in));
                }
                return new DenseNetwork(encoding, hidden, layer(in));
            }
            default -> throw new Malformed("holds an unknown model type " + type);
        }
    }

    private static Tree tree1(ByteBuffer in) throws Malformed {
        int nodes = count(in, 29, "tree nodes");
        int[] feature = new int[nodes];
        double[] split = new double[nodes];
        boolean[] nominal = new boolean[nodes];
        int[] yes = new int[nodes];
        int[] no = new int[nodes];
        double[] value = new double[nodes];
        for (int n = 0; n < nodes; n++) {
            feature[n] = in.getInt();
            split[n] = in.getDouble();
            nominal[n] = in.get() != 0;
            yes[n] = in.getInt();
            no[n] = in.getInt();
            value[n] = in.getDouble();
        }
        return new Tree(feature, split, nominal, yes, no, value);
    }

    private static Tree tree(ByteBuffer in) throws Malformed {
        int nodes = count(in, 30, "tree nodes");
        int[] feature = new int[nodes];
        double[] split = new double[nodes];
        byte[] test = new byte[nodes];
        byte[] flags = new byte[nodes];
        int[][] categories = new int[nodes][];
        int[] yes = new int[nodes];
        int[] no = new int[nodes];
        double[] value = new double[nodes];
        for (int n = 0; n < nodes; n++) {
            feature[n] = in.getInt();
            split[n] = in.getDouble();
            test[n] = in.get();
            flags[n] = in.get();
            yes[n] = in.getInt();
            no[n] = in.getInt();
            value[n] = in.getDouble();
            if (feature[n] != -1 && test[n] == Tree.Test.IN.ordinal()) {
                int[] c = new int[count(in, 4, "categories")];
                for (int i = 0; i < c.length; i++) {
                    c[i] = in.getInt();
                }
                categories[n] = c;
            }
        }
        return Tree.of(feature, split, test, flags, categories, yes, no, value);
    }

    private static DenseNetwork.Layer layer(ByteBuffer in) throws Malformed {
        int n = in.getInt();
        int p = in.getInt();
        if (n < 1 || p < 1 || (long) n * p * 8 > in.remaining()) {
            throw new Malformed("declares a " + p + " -> " + n + " layer, more weights than the file holds");
        }
        double[] w = new double[n * p];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.getDouble();
        }
        return new DenseNetwork.Layer(n, p, w, doubles(in));
    }

    /** A count of elements each taking at least {@code bytes} bytes, checked against what is left. */
    private static int count(ByteBuffer in, int bytes, String what) throws Malformed {
        int n = in.getInt();
        if (n < 0 || (long) n * bytes > in.remaining()) {
            throw new Malformed("declares " + n + " " + what + ", more than its remaining " + in.remaining()
                    + " bytes can hold (truncated or damaged)");
        }
        return n;
    }

    private static String string(ByteBuffer in) throws Malformed {
        int n = count(in, 1, "bytes of text");
        ByteBuffer slice = in.slice(in.position(), n);
        in.position(in.position() + n);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("holds text that is not UTF-8");
        }
    }

    private static List<String> strings(ByteBuffer in) throws Malformed {
        int n = count(in, 4, "strings");
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(string(in));
        }
        return out;
    }

    private static double[] doubles(ByteBuffer in) throws Malformed {
        double[] v = new double[count(in, 8, "numbers")];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.getDouble();
        }
        return v;
    }
}
