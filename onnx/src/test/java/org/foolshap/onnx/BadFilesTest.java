package org.foolshap.onnx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged or hostile .onnx file is one line naming the file, never a stack trace or an out-of-memory. */
class BadFilesTest {
    @TempDir
    Path dir;

    private String refusal(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        var e = assertThrows(IllegalArgumentException.class, () -> Onnx.load(file));
        String m = e.getMessage();
        assertTrue(m.startsWith("model file " + file + " (ONNX) "), m);
        assertFalse(m.contains("\n"), m);
        return m;
    }

    @Test
    void truncatedFilesAreOneLine() throws Exception {
        byte[] forest = Files.readAllBytes(Fixtures.path("forest.onnx"));
        for (int n : new int[] {1, 7, forest.length / 3, forest.length / 2, forest.length - 1}) {
            String m = refusal("cut" + n + ".onnx", Arrays.copyOf(forest, n));
            assertTrue(m.contains("truncated") || m.contains("not an ONNX model") || m.contains("not a valid"), m);
        }
    }

    @Test
    void emptyTextAndRandomFilesAreOneLine() throws Exception {
        assertTrue(refusal("empty.onnx", new byte[0]).contains("is empty"));
        refusal("text.onnx", "x,y\n1,2\n".getBytes());
        byte[] noise = new byte[4096];
        new java.util.Random(1).nextBytes(noise);
        refusal("noise.onnx", noise);
    }

    @Test
    void aDeclaredLengthBeyondTheFileIsRefusedBeforeAllocating() throws Exception {
        var b = new ByteArrayOutputStream();
        b.write(0x08); // ir_version = 8
        b.write(8);
        b.write(0x3a); // graph (field 7, length-delimited) of 2^62 bytes
        for (int k = 0; k < 8; k++) {
            b.write(0xff);
        }
        b.write(0x3f);
        assertTrue(refusal("huge.onnx", b.toByteArray()).contains("truncated"));
    }

    @Test
    void packedNumbersBeyondTheBudgetAreRefused() throws Exception {
        // a tree node whose nodes_treeids attribute packs more one-byte int64s than the decoding budget
        int count = (int) Wire.MAX_NUMBERS + 1;
        byte[] ints = new byte[count];
        var attr = new ByteArrayOutputStream();
        attr.write(0x0a);
        attr.write(13);
        attr.write("nodes_treeids".getBytes());
        attr.write(0x42); // field 8, packed
        varint(attr, count);
        attr.write(ints);
        var node = new ByteArrayOutputStream();
        node.write(0x0a); // input X
        node.write(1);
        node.write('X');
        node.write(0x22); // op_type
        node.write(21);
        node.write("TreeEnsembleRegressor".getBytes());
        node.write(0x3a); // domain
        node.write(10);
        node.write("ai.onnx.ml".getBytes());
        node.write(0x2a); // attribute
        varint(node, attr.size());
        attr.writeTo(node);
        var graph = new ByteArrayOutputStream();
        graph.write(0x0a);
        varint(graph, node.size());
        node.writeTo(graph);
        var model = new ByteArrayOutputStream();
        model.write(0x08);
        model.write(8);
        model.write(0x3a);
        varint(model, graph.size());
        graph.writeTo(model);
        OnnxGraph g = OnnxGraph.read(model.toByteArray());
        var e = assertThrows(Wire.Malformed.class, () -> g.nodes().get(0).attribute("nodes_treeids"));
        assertTrue(e.getMessage().contains("more than " + Wire.MAX_NUMBERS), e.getMessage());
    }

    @Test
    void graphsTheWorkbenchCannotFeedSayWhy() throws Exception {
        String two = refusal("two.onnx", Files.readAllBytes(Fixtures.path("two_inputs.onnx")));
        assertTrue(two.contains("has 2 inputs and A is not [N, 1]"), two);
        String three = refusal("three.onnx", Files.readAllBytes(Fixtures.path("three_classes.onnx")));
        assertTrue(three.contains("3 columns"), three);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }
}
