package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.foolshap.ToyAudit;
import org.foolshap.audit.Auditor;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.model.Model;
import org.foolshap.model.OutputScale;
import org.foolshap.shap.CoefficientMatrix;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The sweep as a table and as a figure input: one row per lambda, lambda* marked iff there is one. */
class SweepResultTest {

    /** The sweep of {@link LambdaSweepTest}'s coefficients, which finds a stealthy lambda. */
    private static SweepResult lowerTier() {
        return LambdaSweep.withDefaults().withRepeats(30).withSeed(5).withLambdas(LambdaGrid.parse("-0.5:2:8"))
                .run(LambdaSweepTest.C, 0, LambdaSweepTest.F1, LambdaSweepTest.s0Outputs(),
                        Auditor.of(LambdaSweepTest.F0, LambdaSweepTest.F1));
    }

    @Test
    void oneRowPerLambdaAndExactlyOneChosenRowWhenChosen() {
        SweepResult sweep = lowerTier();
        assertTrue(sweep.chosen().isPresent(), sweep.toString());
        checkTable(sweep);
        // the same points without lambda*, and with another lambda marked
        SweepResult none = new SweepResult(sweep.points(), -1, sweep.honestPhi(), sweep.honestTarget(),
                sweep.threshold(), sweep.direction(), sweep.seconds());
        assertTrue(none.chosen().isEmpty() && none.best().isEmpty());
        assertTrue(Double.isNaN(none.relativeDecrease()));
        assertFalse(none.succeeded());
        assertTrue(none.toString().contains("no stealthy lambda"), none.toString());
        checkTable(none);
        SweepResult other = new SweepResult(sweep.points(), 2, sweep.honestPhi(), sweep.honestTarget(),
                sweep.threshold(), sweep.direction(), sweep.seconds());
        assertEquals(OptionalInt.of(2), other.best());
        assertEquals(sweep.points().get(2).lambda(), other.chosen().orElseThrow().lambda());
        checkTable(other);
    }

    @Test
    void lowerTierNamesAndDefaults() {
        SweepResult sweep = lowerTier();
        assertEquals(List.of("x0", "x1", "x2"), sweep.features());
        assertEquals("x0", sweep.target());
        assertEquals(OutputScale.PROBABILITY, sweep.scale());
        assertEquals(0.05, sweep.significance());
        Table t = sweep.toTable();
        assertTrue(t.columnNames().containsAll(List.of("mean_x0", "phi_x0", "phi_x1", "phi_x2")), t.columnNames()
                .toString());
        assertArrayEquals(sweep.meanPhi("x2"), sweep.meanPhi(2));
        assertThrows(IllegalArgumentException.class, () -> sweep.index("gender"));
        assertThrows(IllegalArgumentException.class, () -> new SweepResult(sweep.points(), sweep.best(),
                sweep.honestPhi(), sweep.honestTarget(), sweep.threshold(), 0, 0, List.of("a"), "a",
                OutputScale.PROBABILITY, 0.05));
    }

    @Test
    void leastDetectedIsDetectedLeastOften() {
        SweepResult sweep = lowerTier();
        LambdaPoint least = sweep.leastDetected();
        for (LambdaPoint p : sweep.points()) {
            assertTrue(least.detections() <= p.detections());
        }
        assertTrue(sweep.chosen().orElseThrow().detectionRate() < sweep.threshold());
    }

    @Test
    void onASettingTheSweepCarriesNamesScaleAndSignificance() {
        AuditSetting setting = ToyAudit.setting();
        Model model = Model.of(setting.names().size(), ToyAudit.model(setting)::output, OutputScale.RAW);
        CoefficientMatrix c = Explainers.exact(model).coefficients(setting.uniformSample(Group.FOREGROUND, 30, 1),
                setting);
        Auditor auditor = Auditor.of(model, setting).withSignificance(0.1);
        SweepResult sweep = LambdaSweep.withDefaults().withM(30).withRepeats(10).withLambdas(0.3, 3, 30).withSeed(2)
                .run(c, auditor);
        assertEquals(setting.names(), sweep.features());
        assertEquals("sex", sweep.target());
        assertEquals(OutputScale.RAW, sweep.scale());
        assertEquals(0.1, sweep.significance());
        assertArrayEquals(c.phi(), sweep.honestPhi(), 1e-12);
        assertEquals(c.phi()[setting.sensitiveIndex()], sweep.honestTarget(), 1e-12);
        checkTable(sweep);
        assertTrue(sweep.toTable().columnNames().contains("mean_sex"));
    }

    /** Columns agree with the points; stealthy == rate below threshold; chosen marks lambda* alone. */
    static void checkTable(SweepResult sweep) {
        Table t = sweep.toTable();
        List<LambdaPoint> points = sweep.points();
        assertEquals(points.size(), t.rowCount());
        assertArrayEquals(sweep.lambdas(), t.doubleColumn("lambda").asDoubleArray());
        assertArrayEquals(sweep.detectionRates(), t.doubleColumn("detection_rate").asDoubleArray());
        int chosenRows = 0;
        for (int k = 0; k < points.size(); k++) {
            LambdaPoint p = points.get(k);
            assertEquals(p.detectionRate() < sweep.threshold(), t.booleanColumn("stealthy").get(k), "row " + k);
            assertEquals(p.meanTarget(), t.doubleColumn("mean_" + sweep.target()).getDouble(k));
            assertEquals(p.weights().support(), t.intColumn("support").getInt(k));
            for (int i = 0; i < sweep.features().size(); i++) {
                assertEquals(p.meanPhi()[i], t.doubleColumn("phi_" + sweep.features().get(i)).getDouble(k));
            }
            if (t.booleanColumn("chosen").get(k)) {
                chosenRows++;
                assertEquals(sweep.chosen().orElseThrow().lambda(), p.lambda());
            }
        }
        assertEquals(sweep.chosen().isPresent() ? 1 : 0, chosenRows);
        assertEquals(6 + sweep.features().size(), t.columnCount());
    }
}
