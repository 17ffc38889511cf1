package org.foolshap.onnx;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.foolshap.onnx.Wire.Malformed;

/**
 * The parts of an ONNX {@code ModelProto} the workbench looks at, read with the bounded {@link Wire} reader: the
 * operator sets, the graph's inputs and outputs with their types, its nodes (attributes decoded only when asked
 * for, so the weights of a large network are never copied) and the names of its initializers. Field numbers are
 * those of onnx.proto (IR version 3 and later).
 *
 * @param irVersion    the file's IR version
 * @param opsets       operator-set domain ("" for the default ai.onnx) to version
 * @param producer     the producing tool's name and version, e.g. "skl2onnx 1.16.0"
 * @param inputs       the graph inputs that are not initializers, in order
 * @param outputs      the graph outputs, in order
 * @param nodes        the nodes in the file's (topological) order
 * @param initializers names of the constant tensors
 * @param functions    how many model-local functions the file defines
 */
record OnnxGraph(long irVersion, Map<String, Long> opsets, String producer, List<Value> inputs, List<Value> outputs,
                 List<Node> nodes, Set<String> initializers, int functions) {

    /** ONNX TensorProto data types used here. */
    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int STRING = 8;
    static final int DOUBLE = 11;

    /**
     * A typed value of the graph.
     *
     * @param name     its name
     * @param kind     TENSOR, SEQUENCE, MAP or OTHER
     * @param elemType a tensor's element type (ONNX data type number), 0 when not a tensor or unknown
     * @param shape    a tensor's dimensions, -1 where symbolic or unknown; null when the rank is unknown
     */
    record Value(String name, Kind kind, int elemType, long[] shape) {
    }

    enum Kind { TENSOR, SEQUENCE, MAP, OTHER }

    /** A node; {@link #attribute} decodes one attribute on demand. */
    record Node(String opType, String domain, List<String> inputs, List<String> outputs,
                Map<String, ByteBuffer> attributes) {
        /** The attribute's decoded value, or null when the node does not have it. */
        Attribute attribute(String name) throws Malformed {
            ByteBuffer b = attributes.get(name);
            return b == null ? null : Attribute.read(new Wire(b.duplicate()));
        }
    }

    /** Reads a serialized ModelProto. */
    static OnnxGraph read(byte[] bytes) throws Malformed {
        if (bytes.length == 0) {
            throw new Malformed("is empty");
        }
        Wire model = new Wire(ByteBuffer.wrap(bytes));
        long ir = -1;
        Map<String, Long> opsets = new LinkedHashMap<>();
        String producer = "";
        String producerVersion = "";
        Wire graph = null;
        int functions = 0;
        while (model.next()) {
            switch (model.field()) {
                case 1 -> ir = expect(model, Wire.VARINT).varint();
                case 2 -> producer = expect(model, Wire.LENGTH).string();
                case 3 -> producerVersion = expect(model, Wire.LENGTH).string();
                case 7 -> {
                    if (graph != null) {
                        throw new Malformed("has two graphs");
                    }
                    graph = expect(model, Wire.LENGTH).message();
                }
                case 8 -> {
                    Wire op = expect(model, Wire.LENGTH).message();
                    String domain = "";
                    long version = 0;
                    while (op.next()) {
                        switch (op.field()) {
                            case 1 -> domain = expect(op, Wire.LENGTH).string();
                            case 2 -> version = expect(op, Wire.VARINT).varint();
                            default -> op.skip();
                        }
                    }
                    opsets.put(domain, version);
                }
                case 25 -> {
                    model.skip();
                    functions++;
                }
                default -> model.skip();
            }
        }
        if (ir < 3 || graph == null) {
            throw new Malformed("is not an ONNX model (no " + (ir < 0 ? "IR version" : ir < 3 ? "IR version >= 3"
                    : "graph") + ")");
        }
        List<Value> inputs = new ArrayList<>();
        List<Value> outputs = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        Set<String> initializers = new HashSet<>();
        while (graph.next()) {
            switch (graph.field()) {
                case 1 -> nodes.add(node(expect(graph, Wire.LENGTH).message()));
                case 5 -> initializers.add(tensorName(expect(graph, Wire.LENGTH).message()));
                case 11 -> inputs.add(value(expect(graph, Wire.LENGTH).message()));
                case 12 -> outputs.add(value(expect(graph, Wire.LENGTH).message()));
                case 15 -> { // SparseTensorProto: values (field 1) carries the name
                    Wire sparse = expect(graph, Wire.LENGTH).message();
                    while (sparse.next()) {
                        if (sparse.field() == 1 && sparse.type() == Wire.LENGTH) {
                            initializers.add(tensorName(sparse.message()));
                        } else {
                            sparse.skip();
                        }
                    }
                }
                default -> graph.skip();
            }
        }
        inputs.removeIf(v -> initializers.contains(v.name()));
        String by = (producer + " " + producerVersion).trim();
        return new OnnxGraph(ir, Map.copyOf(opsets), by, List.copyOf(inputs), List.copyOf(outputs),
                List.copyOf(nodes), Set.copyOf(initializers), functions);
    }

    /** The nodes that read {@code value}. */
    List<Node> consumers(String value) {
        return nodes.stream().filter(n -> n.inputs().contains(value)).toList();
    }

    private static Wire expect(Wire w, int type) throws Malformed {
        if (w.type() != type) {
            throw new Malformed("has field " + w.field() + " of wire type " + w.type() + " where " + type
                    + " belongs (not an ONNX model, or damaged)");
        }
        return w;
    }

    private static Node node(Wire w) throws Malformed {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String op = "";
        String domain = "";
        Map<String, ByteBuffer> attributes = new LinkedHashMap<>();
        while (w.next()) {
            switch (w.field()) {
                case 1 -> expect(w, Wire.LENGTH).strings(in);
                case 2 -> expect(w, Wire.LENGTH).strings(out);
                case 4 -> op = expect(w, Wire.LENGTH).string();
                case 7 -> domain = expect(w, Wire.LENGTH).string();
                case 5 -> {
                    ByteBuffer raw = expect(w, Wire.LENGTH).bytes();
                    Wire a = new Wire(raw.duplicate());
                    String name = null;
                    while (a.next()) {
                        if (a.field() == 1) {
                            name = expect(a, Wire.LENGTH).string();
                        } else {
                            a.skip();
                        }
                    }
                    if (name == null || attributes.put(name, raw) != null) {
                        throw new Malformed("has a node " + op + " with an unnamed or repeated attribute " + name);
                    }
                }
                default -> w.skip();
            }
        }
        if (op.isEmpty()) {
            throw new Malformed("has a node without an operator type");
        }
        return new Node(op, domain.equals("ai.onnx") ? "" : domain, List.copyOf(in), List.copyOf(out),
                Map.copyOf(attributes));
    }

    private static String tensorName(Wire t) throws Malformed {
        String name = "";
        while (t.next()) {
            if (t.field() == 8) {
                name = expect(t, Wire.LENGTH).string();
            } else {
                t.skip();
            }
        }
        return name;
    }

    private static Value value(Wire w) throws Malformed {
        String name = "";
        Value typed = new Value("", Kind.OTHER, 0, null);
        while (w.next()) {
            switch (w.field()) {
                case 1 -> name = expect(w, Wire.LENGTH).string();
                case 2 -> typed = type(expect(w, Wire.LENGTH).message());
                default -> w.skip();
            }
        }
        return new Value(name, typed.kind(), typed.elemType(), typed.shape());
    }

    private static Value type(Wire w) throws Malformed {
        Value v = new Value("", Kind.OTHER, 0, null);
        while (w.next()) {
            switch (w.field()) {
                case 1 -> v = tensorType(expect(w, Wire.LENGTH).message());
                case 4 -> {
                    w.skip();
                    v = new Value("", Kind.SEQUENCE, 0, null);
                }
                case 5 -> {
                    w.skip();
                    v = new Value("", Kind.MAP, 0, null);
                }
                default -> w.skip();
            }
        }
        return v;
    }

    private static Value tensorType(Wire w) throws Malformed {
        int elem = 0;
        long[] shape = null;
        while (w.next()) {
            switch (w.field()) {
                case 1 -> elem = (int) expect(w, Wire.VARINT).varint();
                case 2 -> {
                    Wire s = expect(w, Wire.LENGTH).message();
                    Wire.LongList dims = new Wire.LongList();
                    while (s.next()) {
                        if (s.field() != 1) {
                            s.skip();
                            continue;
                        }
                        Wire d = expect(s, Wire.LENGTH).message();
                        long size = -1;
                        while (d.next()) {
                            if (d.field() == 1 && d.type() == Wire.VARINT) {
                                size = d.varint();
                            } else {
                                d.skip();
                            }
                        }
                        dims.add(size < 0 ? -1 : size);
                        if (dims.size() > 64) {
                            throw new Malformed("declares a tensor of more than 64 dimensions");
                        }
                    }
                    shape = dims.toArray();
                }
                default -> w.skip();
            }
        }
        return new Value("", Kind.TENSOR, elem, shape);
    }

    /**
     * A decoded node attribute: its scalar, list and tensor forms (only one is set in a valid file).
     *
     * @param name    the attribute's name
     * @param f       the float, if set
     * @param i       the int, if set
     * @param s       the string, if set
     * @param floats  the floats (also a float or double tensor's values)
     * @param ints    the ints (also an int64 tensor's values)
     * @param strings the strings
     */
    record Attribute(String name, Double f, Long i, String s, double[] floats, long[] ints, List<String> strings) {
        static Attribute read(Wire a) throws Malformed {
            String name = "";
            Double f = null;
            Long i = null;
            String s = null;
            Wire.DoubleList floats = new Wire.DoubleList();
            Wire.LongList ints = new Wire.LongList();
            List<String> strings = new ArrayList<>();
            while (a.next()) {
                switch (a.field()) {
                    case 1 -> name = expect(a, Wire.LENGTH).string();
                    case 2 -> f = (double) expect(a, Wire.FIXED32).fixed32();
                    case 3 -> i = expect(a, Wire.VARINT).varint();
                    case 4 -> s = expect(a, Wire.LENGTH).string();
                    case 5 -> tensor(expect(a, Wire.LENGTH).message(), floats, ints);
                    case 7 -> a.floats(floats);
                    case 8 -> a.int64s(ints);
                    case 9 -> expect(a, Wire.LENGTH).strings(strings);
                    default -> a.skip();
                }
            }
            return new Attribute(name, f, i, s, floats.toArray(), ints.toArray(), List.copyOf(strings));
        }

        /** A float, double or int64 tensor's values (dims ignored: the tree attributes are vectors). */
        private static void tensor(Wire t, Wire.DoubleList floats, Wire.LongList ints) throws Malformed {
            int type = 0;
            ByteBuffer raw = null;
            Wire.DoubleList f = new Wire.DoubleList();
            Wire.DoubleList d = new Wire.DoubleList();
            Wire.LongList l = new Wire.LongList();
            while (t.next()) {
                switch (t.field()) {
                    case 2 -> type = (int) expect(t, Wire.VARINT).varint();
                    case 4 -> t.floats(f);
                    case 7 -> t.int64s(l);
                    case 9 -> raw = expect(t, Wire.LENGTH).bytes();
                    case 10 -> t.doubles(d);
                    case 14 -> {
                        if (expect(t, Wire.VARINT).varint() != 0) {
                            throw new Malformed("keeps an attribute tensor in an external file, which is not read");
                        }
                    }
                    default -> t.skip();
                }
            }
            if (raw != null) {
                Wire.DoubleList target = type == FLOAT ? f : d;
                if (type == FLOAT || type == DOUBLE || type == INT64) {
                    int size = type == FLOAT ? 4 : 8;
                    if (raw.remaining() % size != 0) {
                        throw new Malformed("has a tensor of " + raw.remaining() + " raw bytes");
                    }
                    // raw bytes decode to at most twice their size: the file size bounds them
                    while (raw.hasRemaining()) {
                        if (type == INT64) {
                            l.add(raw.getLong());
                        } else {
                            target.add(type == FLOAT ? raw.getFloat() : raw.getDouble());
                        }
                    }
                }
            }
            switch (type) {
                case FLOAT -> copy(f, floats);
                case DOUBLE -> copy(d, floats);
                case INT64 -> {
                    for (int k = 0; k < l.size(); k++) {
                        ints.add(l.get(k));
                    }
                }
                default -> throw new Malformed("has an attribute tensor of data type " + type
                        + " (float, double or int64 expected)");
            }
        }

        private static void copy(Wire.DoubleList from, Wire.DoubleList to) {
            for (double v : from.toArray()) {
                to.add(v);
            }
        }
    }
}
