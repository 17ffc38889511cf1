package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.foolshap.model.LinearModel;
import org.foolshap.model.Model;

/** The Shapley axioms hold for the exact explainer on nonlinear models, and the linear closed form is exact. */
class ShapAxiomsTest {
    /** A nonlinear model with interactions, a kink and an unused feature (index 5). */
    static Model nonlinear(double a, double b) {
        return Model.of(6, x -> a * x[0] * x[1] + Math.sin(x[2] + x[0]) + b * Math.max(x[3], x[4]) + x[4] * x[4]
                - 0.5 * x[1] * x[3] * x[4]);
    }

    @Property(tries = 200)
    void efficiency(@ForAll @Size(6) double[] x, @ForAll @Size(6) double[] z,
                    @ForAll @DoubleRange(min = -3, max = 3) double a) {
        clamp(x);
        clamp(z);
        Model f = nonlinear(a, 1.5);
        double[] phi = Explainers.exact(f).phi(x, z);
        double sum = 0;
        for (double p : phi) {
            sum += p;
        }
        assertEquals(f.output(x) - f.output(z), sum, 1e-9 * (1 + Math.abs(sum)));
    }

    @Property(tries = 200)
    void dummyFeatureGetsNothing(@ForAll @Size(6) double[] x, @ForAll @Size(6) double[] z) {
        clamp(x);
        clamp(z);
        x[5] = z[5] + 1; // differs, but the model ignores it
        assertEquals(0, Explainers.exact(nonlinear(1, 1)).phi(x, z)[5], 0);
    }

    @Property(tries = 200)
    void symmetricFeaturesShareEqually(@ForAll @DoubleRange(min = -5, max = 5) double u,
                                       @ForAll @DoubleRange(min = -5, max = 5) double v,
                                       @ForAll @DoubleRange(min = -5, max = 5) double w) {
        Model f = Model.of(3, r -> Math.sin(r[0] + r[1]) * r[2] + r[0] * r[1] * r[2]);
        double[] phi = Explainers.exact(f).phi(new double[] {u, u, w}, new double[] {v, v, -w});
        assertEquals(phi[0], phi[1], 1e-12);
    }

    @Property(tries = 100)
    void linearInTheModel(@ForAll @Size(6) double[] x, @ForAll @Size(6) double[] z,
                          @ForAll @DoubleRange(min = -4, max = 4) double alpha,
                          @ForAll @DoubleRange(min = -4, max = 4) double beta) {
        clamp(x);
        clamp(z);
        Model f = nonlinear(1, 2);
        Model g = nonlinear(-2, 0.5);
        Model combined = Model.of(6, r -> alpha * f.output(r) + beta * g.output(r));
        double[] pf = Explainers.exact(f).phi(x, z);
        double[] pg = Explainers.exact(g).phi(x, z);
        double[] pc = Explainers.exact(combined).phi(x, z);
        for (int i = 0; i < 6; i++) {
            assertEquals(alpha * pf[i] + beta * pg[i], pc[i], 1e-9 * (1 + Math.abs(pc[i])));
        }
    }

    @Property(tries = 200)
    void linearClosedFormMatchesEnumeration(@ForAll @Size(5) double[] w, @ForAll @Size(5) double[] x,
                                            @ForAll @Size(5) double[] z) {
        clamp(w);
        clamp(x);
        clamp(z);
        LinearModel f = Model.linear(0.3, w);
        double[] closed = Explainers.auto(f).phi(x, z);
        for (int i = 0; i < 5; i++) {
            assertEquals(w[i] * (x[i] - z[i]), closed[i], 1e-12);
        }
        assertArrayEquals(Explainers.exact(Model.of(5, f::output)).phi(x, z), closed, 1e-9);
    }

    private static void clamp(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.isFinite(v[i]) ? Math.max(-10, Math.min(10, v[i])) : 0;
        }
    }
}
