package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.foolshap.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gets an error that names the culprit, never a silent number. */
class BadInputTest {
    private final Model model = Model.of(3, x -> x[0] + x[1] * x[2]);
    private final double[][] good = {{1, 2, 3}, {4, 5, 6}};

    @Test
    void widthMismatchNamesRowAndWidth() {
        assertMessage("background row 1 has 2 values but the model takes 3",
                () -> Explainers.exact(model).coefficients(good, new double[][] {{1, 2, 3}, {1, 2}}));
    }

    @Test
    void aMissingValueThatTheModelCannotTakeIsAnError() {
        var e = assertThrows(IllegalStateException.class,
                () -> Explainers.exact(model).phi(new double[] {1, 2, Double.NaN}, good[0]));
        assertEquals(true, e.getMessage().startsWith("the model returned NaN for row"), e.getMessage());
        assertMessage("foreground row 0 has NaN in column 2",
                () -> Explainers.auto(Model.linear(0, 1, 2, 3)).phi(new double[] {1, 2, Double.NaN}, good[0]));
    }

    @Test
    void aMissingValueTheModelRoutesIsExplained() {
        // a model that sends a missing x[2] one way (as XGBoost's default directions do): two missing values agree
        Model routes = Model.of(3, x -> x[0] + (Double.isNaN(x[2]) ? 10 : x[1] * x[2]));
        double[] x = {1, 2, Double.NaN};
        double[] z = {4, 5, Double.NaN};
        double[] phi = Explainers.exact(routes).phi(x, z);
        assertEquals(routes.output(x) - routes.output(z), phi[0] + phi[1] + phi[2], 1e-12);
        assertEquals(0, phi[2], 0, "both values are missing: the feature is a dummy");
        assertEquals(0, phi[1], 0, "x[1] only matters when x[2] is present");
    }

    @Test
    void emptyGroupsAreRefused() {
        assertMessage("the foreground is empty", () -> GlobalShap.of(Explainers.exact(model)).explain(new double[0][],
                good));
        assertMessage("the background is empty", () -> Explainers.exact(model).coefficients(good, new double[0][]));
    }

    @Test
    void nanModelOutputIsAnError() {
        Model broken = Model.of(3, x -> x[0] > 3 ? Double.NaN : x[0]);
        var e = assertThrows(IllegalStateException.class, () -> Explainers.exact(broken).phi(good[1], good[0]));
        assertEquals(true, e.getMessage().startsWith("the model returned NaN for row"), e.getMessage());
    }

    @Test
    void treeShapRefusesNonTreeModels() {
        assertMessage("TreeSHAP needs a tree ensemble, but the model is a FunctionModel; use the exact explainer",
                () -> Explainers.tree(model));
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
