package org.foolshap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Split;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Evaluation.of: metrics on the model's own output scale, the parity gap, the table and the input checks. */
class EvaluationTest {
    private final Dataset toy = Datasets.toy(2000, 11);
    private final Split split = toy.split(0);
    private final Model probability = Trainer.of(ModelKind.LOGISTIC).fit(toy, split);

    private Model logOdds() {
        return Model.of(probability.width(), row -> {
            double p = probability.output(row);
            return Math.log(p / (1 - p));
        }, OutputScale.LOG_ODDS);
    }

    /** p > 0.5 exactly when log(p / (1 - p)) > 0, so the two scales must score the same accuracy and AUC. */
    @Test
    void accuracyThresholdsEachScaleAtItsOwnMidpoint() {
        Evaluation p = Evaluation.of(probability, toy, split);
        Evaluation l = Evaluation.of(logOdds(), toy, split);
        assertEquals(0.5, p.threshold());
        assertEquals(0, l.threshold());
        assertEquals(p.testAccuracy(), l.testAccuracy());
        assertEquals(p.testAuc(), l.testAuc(), 1e-12);
        assertTrue(p.testAccuracy() > 0.6, p.toString());
        // thresholding log-odds at 0.5 would be a different (worse calibrated) classifier: the scale matters
        double[] out = logOdds().outputs(Pick.rows(toy.x(), split.test()));
        int[] y = Pick.labels(toy.y(), split.test());
        assertEquals(l.testAccuracy(), Metrics.accuracy(out, y, 0));
    }

    @Test
    void aRawScoreHasAnAucButNoAccuracy() {
        Model raw = Model.of(probability.width(), row -> 10 * probability.output(row) - 3, OutputScale.RAW);
        Evaluation e = Evaluation.of(raw, toy, split);
        assertTrue(Double.isNaN(e.testAccuracy()) && Double.isNaN(e.threshold()));
        assertEquals(Evaluation.of(probability, toy, split).testAuc(), e.testAuc(), 1e-12);
    }

    @Test
    void parityIsTheGapBetweenTheGroupMeansOverAllRows() {
        Evaluation e = Evaluation.of(probability, toy, split);
        double[][] x = toy.x();
        double m0 = Metrics.mean(probability.outputs(Pick.rows(x, toy.foregroundRows())));
        double m1 = Metrics.mean(probability.outputs(Pick.rows(x, toy.backgroundRows())));
        assertEquals(m0 - m1, e.demographicParity(), 1e-12);
        assertEquals(toy.foregroundRows().length + toy.backgroundRows().length,
                e.foregroundRows() + e.backgroundRows());
        Dataset blind = Dataset.of("blind", toy.table(), toy.target(), null, null);
        Evaluation none = Evaluation.of(probability, blind, split);
        assertFalse(none.hasParity());
        assertFalse(none.toMap().containsKey("demographic_parity"));
    }

    @Test
    void theTableHoldsEveryNumberOfTheMap() {
        Evaluation e = Evaluation.of(probability, toy, split);
        Table t = e.toTable();
        assertEquals(java.util.List.of("metric", "value"), t.columnNames());
        Map<String, Object> m = e.toMap();
        long numbers = m.values().stream().filter(v -> v instanceof Number).count();
        assertEquals(numbers, t.rowCount());
        for (int r = 0; r < t.rowCount(); r++) {
            String metric = t.stringColumn("metric").get(r);
            assertEquals(((Number) m.get(metric)).doubleValue(), t.doubleColumn("value").get(r), 0, metric);
        }
        assertTrue(e.toString().contains("test AUC"), e.toString());
    }

    @Test
    void mismatchedInputsAreRefusedNamingTheCulprit() {
        Model narrow = Model.of(2, row -> 0.5);
        var width = assertThrows(IllegalArgumentException.class, () -> Evaluation.of(narrow, toy, split));
        assertTrue(width.getMessage().contains("2 features") && width.getMessage().contains("toy"),
                width.getMessage());
        Split foreign = Datasets.toy(5000, 1).split(0);
        var rows = assertThrows(IllegalArgumentException.class, () -> Evaluation.of(probability, toy, foreign));
        assertTrue(rows.getMessage().contains("2000 rows"), rows.getMessage());
    }
}
