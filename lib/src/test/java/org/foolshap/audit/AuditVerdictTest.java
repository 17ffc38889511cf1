package org.foolshap.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.foolshap.ToyAudit;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.foolshap.model.Model;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The auditor on an audit setting's samples, and its verdict (and a rate) as a table. */
class AuditVerdictTest {
    private static final AuditSetting SETTING = ToyAudit.setting();
    private static final Model MODEL = ToyAudit.model(SETTING);

    @Test
    void auditingSamplesIsAuditingTheirOutputs() {
        Auditor auditor = Auditor.of(MODEL, SETTING).withSignificance(0.1);
        Sample s0 = SETTING.uniformSample(Group.FOREGROUND, 40, 1);
        Sample s1 = SETTING.uniformSample(Group.BACKGROUND, 40, 2);
        assertArrayEquals(MODEL.outputs(SETTING.rows(Group.FOREGROUND)), auditor.foregroundOutputs());
        assertArrayEquals(MODEL.outputs(SETTING.rows(Group.BACKGROUND)), auditor.backgroundOutputs());
        assertArrayEquals(MODEL.outputs(s1.rows()), auditor.outputs(s1));
        AuditVerdict v = auditor.audit(s0, s1, 3);
        assertEquals(auditor.audit(auditor.outputs(s0), auditor.outputs(s1), 3), v);
        assertEquals(0.1, v.significance());
        assertEquals(SETTING, auditor.setting().orElseThrow());
        assertEquals(MODEL, auditor.model().orElseThrow());
        assertEquals(MODEL.scale(), auditor.scale());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> auditor.audit(s1, s0, 3)).getMessage()
                .contains("D_0"));
        Auditor outputsOnly = Auditor.of(auditor.foregroundOutputs(), auditor.backgroundOutputs());
        assertTrue(outputsOnly.setting().isEmpty() && outputsOnly.model().isEmpty());
        assertThrows(IllegalStateException.class, () -> outputsOnly.outputs(s0));
        Model narrow = Model.of(2, x -> x[0]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Auditor.of(narrow, SETTING)).getMessage()
                .contains("2 features"));
    }

    @Test
    void tableHasOneRowPerTestAndRejectsBelowTheLevel() {
        Auditor auditor = Auditor.of(MODEL, SETTING);
        // a biased S_1': the 40 background rows with the lowest outputs, which the Wald test must flag
        double[] f1 = auditor.backgroundOutputs();
        Integer[] order = new Integer[f1.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(f1[a], f1[b]));
        int[] lowest = Arrays.stream(order).limit(40).mapToInt(Integer::intValue).toArray();
        for (Sample s1 : List.of(SETTING.uniformSample(Group.BACKGROUND, 40, 2),
                SETTING.sample(Group.BACKGROUND, lowest, "lowest outputs"))) {
            AuditVerdict v = auditor.audit(SETTING.uniformSample(Group.FOREGROUND, 40, 1), s1, 5);
            Table t = v.toTable();
            assertEquals(List.of("test", "statistic", "p_value", "level", "reject"), t.columnNames());
            assertEquals(v.tests().size(), t.rowCount());
            assertEquals(v.tests().stream().map(TestOutcome::name).toList(), t.stringColumn("test").asList());
            double levels = 0;
            boolean any = false;
            for (int k = 0; k < t.rowCount(); k++) {
                double p = t.doubleColumn("p_value").getDouble(k);
                double level = t.doubleColumn("level").getDouble(k);
                boolean reject = t.booleanColumn("reject").get(k);
                assertEquals(p < level, reject, t.stringColumn("test").get(k));
                assertEquals(v.tests().get(k).statistic(), t.doubleColumn("statistic").getDouble(k));
                levels += level;
                any |= reject;
            }
            assertEquals(v.significance(), levels, 1e-12, "Bonferroni: the levels add up to alpha");
            assertEquals(v.detected(), any);
            assertEquals(v.rejected().size(), t.booleanColumn("reject").countTrue());
        }
        assertTrue(auditor.audit(SETTING.uniformSample(Group.FOREGROUND, 40, 1),
                SETTING.sample(Group.BACKGROUND, lowest, "lowest"), 5).test("Wald D_1").reject());
    }

    @Test
    void rateTable() {
        Rate r = Rate.of(7, 40, 0.95);
        Table t = r.toTable();
        assertEquals(1, t.rowCount());
        assertEquals(7, t.intColumn("events").getInt(0));
        assertEquals(40, t.intColumn("trials").getInt(0));
        assertEquals(r.value(), t.doubleColumn("rate").getDouble(0));
        double low = t.doubleColumn("low").getDouble(0);
        double high = t.doubleColumn("high").getDouble(0);
        assertTrue(low < r.value() && r.value() < high, low + " " + high);
        assertEquals(0.95, t.doubleColumn("confidence").getDouble(0));
    }
}
