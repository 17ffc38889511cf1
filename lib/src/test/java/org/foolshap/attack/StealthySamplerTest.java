package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class StealthySamplerTest {

    @Test
    void frequenciesMatchTheWeights() {
        double[][] inst = FoolShapWeightsTest.instance(500, 0, 2);
        Weights w = FoolShapWeights.withLambda(0.5).solve(inst[0], inst[1]);
        StealthySampler sampler = StealthySampler.withDefaults().withM(200);
        int[] support = java.util.stream.IntStream.range(0, w.size()).filter(i -> w.counts()[i] > 0).toArray();
        long[] observed = new long[support.length];
        double[] expected = new double[support.length];
        SplittableRandom rng = new SplittableRandom(9);
        int draws = 0;
        for (int r = 0; r < 200; r++) {
            for (int i : sampler.biased(w.weights(), rng)) {
                int k = java.util.Arrays.binarySearch(support, i);
                assertTrue(k >= 0, "drew a zero-weight row " + i);
                observed[k]++;
                draws++;
            }
        }
        for (int k = 0; k < support.length; k++) {
            expected[k] = draws * w.weight(support[k]);
        }
        double p = ChiSquareTest.withDefaults().test(expected, observed).getPValue();
        assertTrue(p > 1e-3, "frequencies differ from the weights, p = " + p);
    }

    @Test
    void seededAndSized() {
        StealthySampler s = StealthySampler.withDefaults();
        assertArrayEquals(s.uniform(1000, 4), s.uniform(1000, 4));
        assertTrue(s.uniform(1000, 4).length == 200);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.uniform(150, 1)).getMessage()
                .contains("M = 200 is larger than the group (150 rows)"));
        assertThrows(IllegalArgumentException.class, () -> s.withM(0));
    }
}
