package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.foolshap.model.Model;
import org.junit.jupiter.api.Test;

/** Permutation sampling and KernelSHAP converge to the exact values and keep efficiency exactly. */
class SamplingExplainersTest {
    private static final int D = 10;
    private static final Model MODEL = Model.of(D, x -> x[0] * x[1] + Math.tanh(x[2] - x[3]) * x[4]
            + Math.max(0, x[5] + x[6] - x[7]) + 0.3 * x[8] * x[8] - x[9] * x[0] * x[5]);

    @Test
    void permutationSamplingConverges() {
        double small = meanError(Explainers.permutation(MODEL).withPermutations(4).withSeed(1));
        double large = meanError(Explainers.permutation(MODEL).withPermutations(1024).withSeed(1));
        assertTrue(large < small / 5, "error should fall with more permutations: " + small + " -> " + large);
        assertTrue(large < 0.01, "1024 antithetic pairs should be close to exact, mean error " + large);
    }

    @Test
    void kernelShapConverges() {
        double small = meanError(Explainers.kernel(MODEL).withSamples(32).withSeed(2));
        double large = meanError(Explainers.kernel(MODEL).withSamples(16384).withSeed(2));
        assertTrue(large < small / 5, "error should fall with more samples: " + small + " -> " + large);
        assertTrue(large < 0.02, "16384 coalitions should be close to exact, mean error " + large);
    }

    @Test
    void samplingEstimatesAreEfficientAndReproducible() {
        Random r = new Random(5);
        double[] x = random(r);
        double[] z = random(r);
        for (Explainer e : new Explainer[] {Explainers.permutation(MODEL).withPermutations(3).withSeed(9),
            Explainers.kernel(MODEL).withSamples(40).withSeed(9)}) {
            double[] phi = e.phi(x, z);
            double sum = 0;
            for (double p : phi) {
                sum += p;
            }
            assertEquals(MODEL.output(x) - MODEL.output(z), sum, 1e-9, e.getClass().getSimpleName());
            assertEquals(java.util.Arrays.toString(phi), java.util.Arrays.toString(e.phi(x, z)));
        }
    }

    private static double meanError(Explainer sampler) {
        Random r = new Random(42);
        ExactExplainer exact = Explainers.exact(MODEL);
        double error = 0;
        int count = 0;
        for (int pair = 0; pair < 12; pair++) {
            double[] x = random(r);
            double[] z = random(r);
            double[] want = exact.phi(x, z);
            double[] got = sampler.phi(x, z);
            for (int i = 0; i < D; i++) {
                error += Math.abs(want[i] - got[i]);
                count++;
            }
        }
        return error / count;
    }

    private static double[] random(Random r) {
        double[] v = new double[D];
        for (int i = 0; i < D; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }
}
