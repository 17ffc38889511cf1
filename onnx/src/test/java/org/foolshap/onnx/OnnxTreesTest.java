package org.foolshap.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.foolshap.model.LogisticOutput;
import org.foolshap.model.Model;
import org.foolshap.model.OutputScale;
import org.foolshap.model.TreeEnsemble;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;

/** ONNX tree-ensemble graphs read into the tree view: the graph's numbers, scikit-learn's, and exact TreeSHAP. */
class OnnxTreesTest {
    private static final double[][] ROWS = Fixtures.rows();

    static Model view(String name) throws Exception {
        return Onnx.load(Fixtures.path(name + ".onnx")).model();
    }

    static TreeEnsemble ensemble(Model m) {
        return m instanceof LogisticOutput l ? (TreeEnsemble) l.margin() : (TreeEnsemble) m;
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.max(1, Math.abs(expected[i])), what + " row " + i);
        }
    }

    @Test
    void graphsThatAreOneTreeEnsembleBecomeTheTreeView() throws Exception {
        assertInstanceOf(TreeEnsemble.class, view("forest"));
        assertEquals(OutputScale.PROBABILITY, view("forest").scale());
        assertInstanceOf(TreeEnsemble.class, view("gbr"));
        assertEquals(OutputScale.RAW, view("gbr").scale());
        assertInstanceOf(TreeEnsemble.class, view("edges"));
        // LOGISTIC: the graph's probability is the sigmoid of a tree ensemble's log-odds
        LogisticOutput gbc = assertInstanceOf(LogisticOutput.class, view("gbc"));
        assertEquals(OutputScale.LOG_ODDS, gbc.margin().scale());
        assertInstanceOf(OnnxModel.class, view("logreg_n2"));
    }

    @Test
    void treeViewGivesOnnxRuntimesNumbers() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        double[][] withNaN = new double[ROWS.length][];
        for (int i = 0; i < ROWS.length; i++) {
            withNaN[i] = ROWS[i].clone();
            withNaN[i][random.nextInt(4)] = Double.NaN; // every node mode's missing direction (edges.onnx)
        }
        for (String name : new String[] {"forest", "gbr", "gbc", "edges"}) {
            Model view = view(name);
            OnnxModel runtime = Onnx.blackBox(Fixtures.path(name + ".onnx"));
            // ONNX Runtime sums float32 leaf weights; the view sums the same weights in double
            assertClose(runtime.outputs(ROWS), view.outputs(ROWS), 1e-6, name);
            assertClose(runtime.outputs(withNaN), view.outputs(withNaN), 1e-6, name + " with NaN");
        }
    }

    @Test
    void treeViewGivesScikitLearnsPredictions() throws Exception {
        assertClose(Fixtures.column("rf_p1"), view("forest").outputs(ROWS), 1e-6, "forest");
        assertClose(Fixtures.column("gbr"), view("gbr").outputs(ROWS), 1e-6, "gbr");
        assertClose(Fixtures.column("gbc_p1"), view("gbc").outputs(ROWS), 1e-6, "gbc");
    }

    @Test
    void treeShapEqualsExactEnumerationAndIsEfficient() throws Exception {
        for (String name : new String[] {"forest", "gbr", "gbc", "edges"}) {
            TreeEnsemble model = ensemble(view(name));
            var tree = Explainers.tree(model);
            var exact = Explainers.exact(model);
            for (int a = 0; a < 12; a++) {
                double[] x = ROWS[a];
                double[] z = ROWS[ROWS.length - 1 - a];
                double[] phi = tree.phi(x, z);
                double[] slow = exact.phi(x, z);
                double sum = 0;
                for (int j = 0; j < phi.length; j++) {
                    assertEquals(slow[j], phi[j], 1e-9, name + " pair " + a + " feature " + j);
                    sum += phi[j];
                }
                assertEquals(model.output(x) - model.output(z), sum, 1e-9, name + " efficiency, pair " + a);
            }
        }
    }

    @Test
    void theGraphsProbabilityIsExplainedExactlyThroughTheSigmoid() throws Exception {
        Model gbc = view("gbc");
        var exact = Explainers.exact(gbc);
        double[] phi = exact.phi(ROWS[0], ROWS[1]);
        double sum = 0;
        for (double p : phi) {
            sum += p;
        }
        assertEquals(Fixtures.column("gbc_p1")[0] - Fixtures.column("gbc_p1")[1], sum, 1e-6);
    }

    @Test
    void perColumnInputsAreNamedFeaturesInTheConcatsOrder() throws Exception {
        var columns = Onnx.load(Fixtures.path("forest_columns.onnx"));
        assertEquals(java.util.List.of("f0", "f1", "f2", "f3"), columns.featureNames()); // declared f2, f0, f1, f3
        assertInstanceOf(TreeEnsemble.class, columns.model());
        assertClose(Fixtures.column("rf_p1"), columns.model().outputs(ROWS), 1e-6, "tree view");
        OnnxModel box = Onnx.blackBox(Fixtures.path("forest_columns.onnx"));
        assertClose(Fixtures.column("rf_p1"), box.outputs(ROWS), 1e-6, "black box");
    }

    @Test
    void theModelFileSaysWhatIsExplained() throws Exception {
        var forest = Onnx.load(Fixtures.path("forest.onnx"));
        assertTrue(forest.info().get("onnx.model").contains("TreeSHAP"), forest.info().toString());
        assertTrue(forest.info().get("onnx.output").contains("output_probability"), forest.info().toString());
        var logreg = Onnx.load(Fixtures.path("logreg_n1.onnx"));
        assertTrue(logreg.info().get("onnx.model").contains("black box"), logreg.info().toString());
        assertTrue(logreg.featureNames().isEmpty());
        assertEquals("ONNX", logreg.format());
    }
}
