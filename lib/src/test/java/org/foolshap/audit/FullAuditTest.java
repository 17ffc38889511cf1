package org.foolshap.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.foolshap.ToyAudit;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class FullAuditTest {

    @Test
    void honestSamplesPassAndRepeatedRowsAreCaught() {
        double[][] d0 = FeatureAuditTest.group(3000, 1);
        double[][] d1 = FeatureAuditTest.group(4000, 2);
        for (int i = 0; i < d0.length; i++) {
            d0[i] = new double[] {d0[i][0], d0[i][1], d0[i][2], i}; // an id column: rows are distinct
        }
        for (int i = 0; i < d1.length; i++) {
            d1[i] = new double[] {d1[i][0], d1[i][1], d1[i][2], i};
        }
        double[] f0 = new double[d0.length];
        double[] f1 = new double[d1.length];
        for (int i = 0; i < d0.length; i++) {
            f0[i] = d0[i][0] * 0.1 + d0[i][1];
        }
        for (int i = 0; i < d1.length; i++) {
            f1[i] = d1[i][0] * 0.1 + d1[i][1];
        }
        FullAudit audit = FullAudit.of(Auditor.of(f0, f1))
                .withFeatureAudit(FeatureAudit.withDefaults().withCategorical(new boolean[] {false, true, true, false}));
        SplittableRandom r = new SplittableRandom(3);
        int[] i0 = Draws.uniform(d0.length, 200, r);
        int[] i1 = Draws.uniform(d1.length, 200, r);
        Map<String, AuditVerdict> honest = audit.run(d0, d1, Draws.pick(d0, i0), Draws.pick(d1, i1),
                Draws.pick(f0, i0), Draws.pick(f1, i1), 4);
        assertEquals(java.util.List.of("paper", "duplicates", "features"), java.util.List.copyOf(honest.keySet()));
        assertFalse(honest.get("duplicates").detected(), honest.toString());
        int[] few = new int[200];
        for (int k = 0; k < few.length; k++) {
            few[k] = i1[k % 40]; // 40 distinct rows, each five times
        }
        Map<String, AuditVerdict> biased = audit.run(d0, d1, Draws.pick(d0, i0), Draws.pick(d1, few),
                Draws.pick(f0, i0), Draws.pick(f1, few), 4);
        assertTrue(biased.get("duplicates").test("duplicates S_1'").reject());
        assertThrows(IllegalArgumentException.class, () -> audit.run(d1, d1, d0, d1, f0, f1, 1));
    }

    @Test
    void reportOnSamplesOfASettingIsOneTableOfEveryTest() {
        AuditSetting setting = ToyAudit.setting();
        Auditor auditor = Auditor.of(ToyAudit.model(setting), setting);
        Sample s0 = setting.uniformSample(Group.FOREGROUND, 40, 1);
        Sample s1 = setting.sample(Group.BACKGROUND, new int[40], "one row, forty times");
        FullAudit.Report report = FullAudit.of(auditor).run(s0, s1, 2);
        assertEquals(List.of("paper", "duplicates", "features"), List.copyOf(report.families().keySet()));
        assertTrue(report.family("duplicates").test("duplicates S_1'").reject(), report.toString());
        assertTrue(report.detected());
        int d = setting.names().size();
        assertEquals(2 * d, report.family("features").tests().size(), "each feature in each sample");
        assertTrue(report.family("features").tests().stream()
                .anyMatch(t -> t.name().equals("feature " + setting.sensitive() + " S_1'")), "named by the setting");
        Table t = report.toTable();
        int rows = report.families().values().stream().mapToInt(v -> v.tests().size()).sum();
        assertEquals(rows, t.rowCount());
        assertEquals("family", t.columnNames().get(0));
        int r = 0;
        for (var e : report.families().entrySet()) {
            for (TestOutcome test : e.getValue().tests()) {
                assertEquals(e.getKey(), t.stringColumn("family").get(r));
                assertEquals(test.name(), t.stringColumn("test").get(r));
                assertEquals(test.reject(), t.booleanColumn("reject").get(r));
                r++;
            }
        }
        assertEquals(report.detected(), t.booleanColumn("reject").countTrue() > 0);
        assertThrows(IllegalArgumentException.class, () -> report.family("outputs"));
        assertThrows(IllegalStateException.class, () -> FullAudit.of(Auditor.of(auditor.foregroundOutputs(),
                auditor.backgroundOutputs())).run(s0, s1, 2));
    }
}
