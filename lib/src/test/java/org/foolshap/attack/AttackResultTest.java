package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.foolshap.ToyAudit;
import org.foolshap.audit.TestOutcome;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.foolshap.model.Metrics;
import org.foolshap.model.Model;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * An attack's result in its setting: the supplied samples are real rows of the right group, the attributions are
 * those of exactly these samples, and the table lists Phi before, after and with the whole background.
 */
class AttackResultTest {
    private static final AttackResult R = ToyAudit.attack();
    private static final AuditSetting SETTING = R.setting();
    private static final Model MODEL = ToyAudit.model(SETTING);

    @Test
    void tableHasOneRowPerFeature() {
        Table t = R.toTable();
        assertEquals(SETTING.names(), t.stringColumn("feature").asList());
        assertArrayEquals(R.before().values(), t.doubleColumn("phi_honest").asDoubleArray());
        assertArrayEquals(R.before().halfWidths(), t.doubleColumn("ci_honest").asDoubleArray());
        assertArrayEquals(R.after().values(), t.doubleColumn("phi_manipulated").asDoubleArray());
        assertArrayEquals(R.after().halfWidths(), t.doubleColumn("ci_manipulated").asDoubleArray());
        assertArrayEquals(R.fullPhi(), t.doubleColumn("phi_all_background").asDoubleArray());
        assertArrayEquals(R.sweep().honestPhi(), R.fullPhi());
        assertEquals("sex", R.sensitiveName());
        assertEquals(SETTING.sensitiveIndex(), R.sensitive());
        assertEquals(MODEL.scale(), R.scale());
        assertEquals(R.phiBefore(), t.doubleColumn("phi_honest").getDouble(R.sensitive()));
    }

    @Test
    void suppliedBackgroundIsRealBackgroundRows() {
        for (Sample s : List.of(R.sampleS1(), R.honestSampleS1())) {
            assertEquals(Group.BACKGROUND, s.group());
            checkRealRows(s, ToyAudit.M);
        }
        assertArrayEquals(R.s1(), R.sampleS1().positions());
        assertArrayEquals(R.honestS1(), R.honestSampleS1().positions());
        assertEquals("S_1'", R.sampleS1().name());
    }

    @Test
    void suppliedForegroundIsRealForegroundRows() {
        Sample s0 = R.sampleS0();
        assertEquals(Group.FOREGROUND, s0.group());
        checkRealRows(s0, ToyAudit.M);
        assertArrayEquals(R.s0(), s0.positions());
    }

    @Test
    void attributionsAreThoseOfTheSuppliedSamples() {
        double[] f0 = MODEL.outputs(R.sampleS0().rows());
        assertEquals(Metrics.mean(f0), R.after().foregroundMean(), 1e-12);
        assertEquals(Metrics.mean(f0), R.before().foregroundMean(), 1e-12);
        assertEquals(Metrics.mean(MODEL.outputs(R.sampleS1().rows())), R.after().backgroundMean(), 1e-12);
        assertEquals(Metrics.mean(MODEL.outputs(R.honestSampleS1().rows())), R.before().backgroundMean(), 1e-12);
        assertEquals(R.after().gap(), R.after().total(), 1e-9, "efficiency after");
        assertEquals(R.before().gap(), R.before().total(), 1e-9, "efficiency before");
    }

    @Test
    void auditAndSweepBelongToTheSetting() {
        assertSame(SETTING, R.auditor().setting().orElseThrow());
        assertArrayEquals(MODEL.outputs(SETTING.rows(Group.FOREGROUND)), R.auditor().foregroundOutputs());
        assertArrayEquals(MODEL.outputs(SETTING.rows(Group.BACKGROUND)), R.auditor().backgroundOutputs());
        assertEquals(SETTING.names(), R.sweep().features());
        assertEquals("sex", R.sweep().target());
        assertEquals(R.sweep().chosen().orElseGet(R.sweep()::leastDetected).lambda(), R.lambda());
        assertEquals(R.finalAudit().tests().stream().anyMatch(TestOutcome::reject), R.detected());
        assertEquals(6, R.finalAudit().tests().size());
        assertTrue(R.bruteForce().isEmpty() && R.genetic().isEmpty(), "baselines off");
        assertTrue(R.toString().contains("sex"), R.toString());
    }

    /** Every id is in the setting's group, rows and table rows are the setting's at those ids. */
    private static void checkRealRows(Sample s, int m) {
        assertEquals(m, s.size());
        int[] groupIds = SETTING.ids(s.group());
        double[][] groupRows = SETTING.rows(s.group());
        Table source = SETTING.source();
        Table t = s.toTable();
        assertArrayEquals(s.ids(), t.intColumn(AuditSetting.ROW_ID).asIntArray());
        double[][] rows = s.rows();
        for (int k = 0; k < s.size(); k++) {
            int id = s.ids()[k];
            int at = Arrays.binarySearch(groupIds, id);
            assertTrue(at >= 0, "id " + id + " is not in " + s.group().symbol());
            assertArrayEquals(groupRows[at], rows[k], "encoded row of id " + id);
            for (String c : source.columnNames()) {
                assertEquals(source.column(c).getString(id), t.column(c).getString(k), c + " of id " + id);
            }
        }
    }
}
