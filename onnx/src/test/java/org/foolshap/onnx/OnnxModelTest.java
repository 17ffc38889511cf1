package org.foolshap.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.foolshap.model.Model;
import org.foolshap.model.OutputScale;
import org.foolshap.model.TreeEnsemble;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;

/** Black-box ONNX models run by ONNX Runtime. */
class OnnxModelTest {
    private static final double[][] ROWS = Fixtures.rows();

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, what + " row " + i);
        }
    }

    @Test
    void eachOutputFormGivesScikitLearnsProbability() throws Exception {
        double[] sklearn = Fixtures.column("lr_p1");
        for (String name : new String[] {"logreg_n1", "logreg_n2", "logreg_zipmap"}) {
            OnnxModel m = Onnx.blackBox(Fixtures.path(name + ".onnx"));
            assertEquals(4, m.width());
            assertEquals(OutputScale.PROBABILITY, m.scale(), name + ": " + m.outputDescription());
            assertClose(sklearn, m.outputs(ROWS), 1e-6, name); // float32 graph against scikit-learn's double
        }
        assertClose(Fixtures.column("rf_p1"), Onnx.blackBox(Fixtures.path("forest.onnx")).outputs(ROWS), 1e-6,
                "forest through ZipMap");
    }

    @Test
    void zipMapsAreReadThroughTheTensorTheyZipAndBothGiveTheSameNumbers() throws Exception {
        for (String name : new String[] {"logreg_zipmap", "forest"}) {
            byte[] bytes = java.nio.file.Files.readAllBytes(Fixtures.path(name + ".onnx"));
            OnnxModel fast = Onnx.blackBox(Fixtures.path(name + ".onnx"));
            assertTrue(fast.outputDescription().contains("the tensor ZipMap turns into output_probability"),
                    fast.outputDescription());
            OnnxGraph graph = OnnxGraph.read(bytes);
            var session = Runtime.session(bytes);
            OutputChoice maps = OutputChoice.choose(graph, session);
            assertEquals(OutputChoice.Kind.MAP_ENTRY, maps.kind());
            OnnxModel slow = new OnnxModel(bytes, session, new String[] {"X"}, new boolean[] {false}, 4, maps);
            assertArrayEquals(slow.outputs(ROWS), fast.outputs(ROWS), 0.0, name);
        }
    }

    @Test
    void oneRowAndManyRowsAgreeAcrossBatches() throws Exception {
        OnnxModel m = Onnx.blackBox(Fixtures.path("logreg_zipmap.onnx"));
        double[][] many = new double[OnnxModel.BATCH + 100][];
        for (int i = 0; i < many.length; i++) {
            many[i] = ROWS[i % ROWS.length];
        }
        double[] batch = m.outputs(many);
        for (int i = 0; i < many.length; i += 997) {
            assertEquals(m.output(many[i]), batch[i], 0.0, "row " + i);
        }
        int second = (OnnxModel.BATCH / ROWS.length + 1) * ROWS.length; // row 0 again, in the second batch
        assertEquals(batch[0], batch[second], 0.0);
    }

    @Test
    void survivesSerializationWithoutItsSession() throws Exception {
        OnnxModel m = Onnx.blackBox(Fixtures.path("forest.onnx"));
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        Model back;
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Model) in.readObject();
        }
        assertArrayEquals(m.outputs(ROWS), back.outputs(ROWS), 0.0);
    }

    @Test
    void isThreadSafe() throws Exception {
        OnnxModel m = Onnx.blackBox(Fixtures.path("gbc.onnx"));
        double[] expected = m.outputs(ROWS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> runs = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                runs.add(pool.submit(() -> m.outputs(ROWS)));
            }
            for (Future<double[]> f : runs) {
                assertArrayEquals(expected, f.get(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void exactShapOfTheBlackBoxEqualsTreeShapOfItsTreeView() throws Exception {
        OnnxModel box = Onnx.blackBox(Fixtures.path("forest.onnx"));
        TreeEnsemble view = (TreeEnsemble) Onnx.load(Fixtures.path("forest.onnx")).model();
        var exact = Explainers.exact(box);
        var tree = Explainers.tree(view);
        for (int a = 0; a < 5; a++) {
            double[] x = ROWS[a];
            double[] z = ROWS[a + 50];
            double[] phi = exact.phi(x, z);
            assertClose(tree.phi(x, z), phi, 1e-6, "pair " + a);
            assertEquals(box.output(x) - box.output(z), java.util.Arrays.stream(phi).sum(), 1e-9, "efficiency");
        }
        // the sampling explainers run on it too, and stay efficient
        double[] sampled = Explainers.permutation(box).phi(ROWS[0], ROWS[50]);
        assertEquals(box.output(ROWS[0]) - box.output(ROWS[50]), java.util.Arrays.stream(sampled).sum(), 1e-9);
    }

    @Test
    void rowsOfTheWrongWidthAreRefused() throws Exception {
        OnnxModel m = Onnx.blackBox(Fixtures.path("logreg_n1.onnx"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> m.outputs(new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("takes 4 features"), e.getMessage());
    }
}
