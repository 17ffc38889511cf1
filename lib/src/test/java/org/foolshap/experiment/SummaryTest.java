package org.foolshap.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Medians, the acceptance check and the calibration pooling on hand-made rows. */
class SummaryTest {
    static ResultRow row(String dataset, String model, int seed, double fool, double brute, double rate) {
        double before = -0.1;
        return new ResultRow(dataset, model, seed, 100, 200, -0.2, before, 2, before * (1 - fool), 5,
                before * (1 - brute), Double.NaN, fool, brute, 0, 10, rate, false, 12, 100, 3, "probability",
                "treeshap", "trees=100", before, fool, rate, 1000, "study:-0.5:2.0:20");
    }

    @Test
    void mediansPerDatasetAndModelAndPooled() {
        List<ResultRow> rows = List.of(row("a", "rf", 0, 0.9, 0.1, 0.02), row("a", "rf", 1, 0.5, 0.3, 0.04),
                row("a", "rf", 2, 0.7, 0.2, 0.09), row("a", "gbt", 0, 0.2, 0.0, 0.0), row("b", "rf", 0, 0.4, 0.1, 0.1));
        List<Summary.Line> lines = Summary.byDatasetAndModel(rows);
        assertEquals(3, lines.size());
        Summary.Line a = lines.get(0);
        assertEquals("a", a.dataset());
        assertEquals("rf", a.model());
        assertEquals(3, a.runs());
        assertEquals(0.7, a.decreaseFoolShap().value(), 1e-12);
        assertEquals(0.2, a.decreaseBrute().value(), 1e-12);
        // the bootstrap interval of a median of {0.5, 0.7, 0.9} lies within the data and contains the median
        assertTrue(a.decreaseFoolShap().low() >= 0.5 && a.decreaseFoolShap().low() <= 0.7, a.toString());
        assertTrue(a.decreaseFoolShap().high() >= 0.7 && a.decreaseFoolShap().high() <= 0.9, a.toString());
        assertTrue(a.decreaseFoolShap().low() < a.decreaseFoolShap().high());
        assertEquals(0.04, a.detectionRate(), 1e-12);
        assertEquals(0.09, a.maxDetectionRate(), 1e-12);
        List<Summary.Line> pooled = Summary.byDataset(rows);
        assertEquals(2, pooled.size());
        assertEquals((0.5 + 0.7) / 2, pooled.get(0).decreaseFoolShap().value(), 1e-12); // 0.2 0.5 0.7 0.9
        assertTrue(Summary.table(lines).contains("70.0%"), Summary.table(lines));
        assertTrue(Summary.markdown(lines).startsWith("| dataset | model |"));
    }

    /** The percentile bootstrap of a median against its closed form: P(median of 3 resampled values = v_(2)). */
    @Test
    void bootstrapIntervalOfAMedianMatchesTheResamplingDistribution() {
        // with 3 distinct values, a resample's median is the smallest with probability 7/27 (> 2.5%): the interval's
        // low end is the smallest value, and symmetrically the high end the largest
        List<ResultRow> rows = List.of(row("a", "rf", 0, 0.1, 0, 0), row("a", "rf", 1, 0.5, 0, 0),
                row("a", "rf", 2, 0.9, 0, 0));
        Summary.Median m = Summary.bootstrap(rows, ResultRow::decreaseFoolShap, 1);
        assertEquals(0.5, m.value(), 1e-12);
        assertEquals(0.1, m.low(), 1e-12);
        assertEquals(0.9, m.high(), 1e-12);
        // 20 equal values: a degenerate interval
        List<ResultRow> same = java.util.stream.IntStream.range(0, 20).mapToObj(i -> row("a", "rf", i, 0.3, 0, 0))
                .toList();
        Summary.Median s = Summary.bootstrap(same, ResultRow::decreaseFoolShap, 1);
        assertEquals(0.3, s.low(), 1e-12);
        assertEquals(0.3, s.high(), 1e-12);
    }

    @Test
    void acceptanceNamesTheDatasetAndTheRowThatFail() {
        assertTrue(Summary.acceptanceFailures(List.of(row("a", "rf", 0, 0.9, 0.1, 0.1))).isEmpty());
        List<String> f = Summary.acceptanceFailures(List.of(row("a", "rf", 0, 0.9, 0.1, 0.11),
                row("b", "gbt", 3, 0.1, 0.2, 0.0)));
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("b:"), f.toString());
        assertTrue(f.get(1).startsWith("a/rf/0:"), f.toString());
    }

    @Test
    void calibrationIsPooledOverSeeds() {
        List<CalibrationRow> pooled = Summary.pooledCalibration(List.of(
                new CalibrationRow("a", "rf", 0, 1000, 40, 0.04, 0.03, 0.05, 0.05),
                new CalibrationRow("a", "rf", 1, 1000, 60, 0.06, 0.05, 0.07, 0.05)));
        assertEquals(1, pooled.size());
        assertEquals(2000, pooled.get(0).draws());
        assertEquals(0.05, pooled.get(0).rate(), 1e-12);
        assertTrue(pooled.get(0).low() < 0.05 && pooled.get(0).high() > 0.05);
    }

    @Test
    void rowsRoundTripThroughCsv() {
        CalibrationRow c = new CalibrationRow("a", "rf", 0, 1000, 40, 0.04, 0.03, 0.05, 0.05);
        assertEquals(c, CalibrationRow.parse(c.csv()));
        ResultRow r = row("a", "rf", 0, 0.5, 0.25, 0.05);
        assertEquals(r.csv(), ResultRow.parse(r.csv()).csv());
        assertTrue(Double.isNaN(ResultRow.parse(r.csv()).phiGenetic()));
    }

    /** Runs finish in any order (a resumed grid, datasets chosen per invocation); the columns keep the paper's. */
    @Test
    void figure5ColumnsFollowThePaperWhateverTheRowOrder() {
        List<ResultRow> rows = List.of(row("communities", "rf", 0, 0.3, 0.1, 0), row("adult", "rf", 0, 0.9, 0.1, 0),
                row("other", "rf", 0, 0.5, 0.1, 0), row("marketing", "xgb", 0, 0.8, 0.1, 0),
                row("compas", "mlp", 0, 0.2, 0.1, 0), row("adult", "xgb", 1, 0.7, 0.1, 0));
        var label = Summary.figure5(rows).getStyler().getxAxisTickLabelsFormattingFunction();
        assertEquals(List.of("compas", "adult", "marketing", "communities", "other"),
                java.util.stream.IntStream.range(0, 5).mapToObj(i -> label.apply((double) i)).toList());
    }
}
