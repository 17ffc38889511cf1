package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void aucCountsPairsAndHalvesTies() {
        assertEquals(1.0, Metrics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1}));
        assertEquals(0.0, Metrics.auc(new double[] {0.9, 0.8, 0.2, 0.1}, new int[] {0, 0, 1, 1}));
        assertEquals(0.5, Metrics.auc(new double[] {0.5, 0.5, 0.5, 0.5}, new int[] {0, 1, 0, 1}));
        // positives 0.4, 0.8; negatives 0.1, 0.4, 0.9: pairs won 1 + 0.5 + 0 + 1 + 1 + 0 = 3.5 of 6
        assertEquals(3.5 / 6, Metrics.auc(new double[] {0.4, 0.8, 0.1, 0.4, 0.9}, new int[] {1, 1, 0, 0, 0}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Metrics.auc(new double[] {0.1, 0.2}, new int[] {1, 1}));
    }

    @Test
    void accuracyThresholds() {
        assertEquals(0.75, Metrics.accuracy(new double[] {0.2, 0.6, 0.7, 0.4}, new int[] {0, 1, 1, 1}, 0.5));
        assertEquals(1.0, Metrics.accuracy(new double[] {-1, 2}, new int[] {0, 1}, 0));
    }
}
