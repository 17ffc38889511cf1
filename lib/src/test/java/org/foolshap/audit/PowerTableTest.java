package org.foolshap.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.foolshap.ToyAudit;
import org.foolshap.attack.SweepResult;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Detection power against an attack's sweep, in long format: one row per test, lambda and M. */
class PowerTableTest {

    @Test
    void powerAgainstASweepOnASetting() {
        SweepResult sweep = ToyAudit.attack().sweep();
        AuditSetting setting = ToyAudit.attack().setting();
        Auditor auditor = Auditor.of(ToyAudit.model(setting), setting).withSignificance(0.1);
        int[] ms = {20, 40};
        PowerTable power = DetectionPower.withDefaults().withRepeats(8).withSeed(3).run(auditor, sweep, 2, ms);
        double[] all = sweep.lambdas();
        double[] every2 = new double[(all.length + 1) / 2];
        for (int k = 0; k < every2.length; k++) {
            every2[k] = all[2 * k];
        }
        assertArrayEquals(every2, power.lambdas(), "every second lambda of the sweep");
        assertArrayEquals(ms, power.ms());
        assertTrue(power.tests().contains("features S_1'"), "the setting gives the auditor the feature family");
        assertEquals(0.1, power.significance());
        assertEquals(8, power.repeats());
        checkTable(power);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> power.rateAt("paper", 0, 30)).getMessage()
                .contains("M = 30"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> power.rate("features", 0, 0)).getMessage()
                .contains("features"));
        assertThrows(IllegalArgumentException.class, () -> DetectionPower.withDefaults().run(auditor, sweep, 0, 20));
        assertEquals(setting.size(Group.BACKGROUND), auditor.backgroundSize());
    }

    @Test
    void handMadeTable() {
        double[][][] rates = new double[2][3][2];
        for (int t = 0; t < 2; t++) {
            for (int l = 0; l < 3; l++) {
                for (int k = 0; k < 2; k++) {
                    rates[t][l][k] = (t + 1) * 0.1 + l * 0.01 + k * 0.001;
                }
            }
        }
        PowerTable power = new PowerTable(List.of("paper", "duplicates S_1'"), new double[] {0.5, 1, 2},
                new int[] {50, 100}, rates, 10);
        assertEquals(0.05, power.significance(), "the five-argument form is at alpha = 0.05");
        checkTable(power);
        assertEquals(rates[1][2][1], power.rateAt("duplicates S_1'", 2, 100));
    }

    /** tests x lambdas x Ms rows, each with the rate the table holds for it. */
    static void checkTable(PowerTable power) {
        Table t = power.toTable();
        int nt = power.tests().size();
        int nl = power.lambdas().length;
        int nm = power.ms().length;
        assertEquals(nt * nl * nm, t.rowCount());
        assertTrue(t.columnNames().containsAll(List.of("test", "lambda", "m", "detection_rate")), t.columnNames()
                .toString());
        boolean[][][] seen = new boolean[nt][nl][nm];
        for (int r = 0; r < t.rowCount(); r++) {
            int test = power.tests().indexOf(t.stringColumn("test").get(r));
            int l = indexOf(power.lambdas(), t.doubleColumn("lambda").getDouble(r));
            int k = indexOf(power.ms(), t.intColumn("m").getInt(r));
            assertTrue(test >= 0 && l >= 0 && k >= 0, "row " + r);
            assertTrue(!seen[test][l][k], "row " + r + " repeats a (test, lambda, M)");
            seen[test][l][k] = true;
            double rate = t.doubleColumn("detection_rate").getDouble(r);
            assertEquals(power.rate(power.tests().get(test), l, k), rate);
            assertTrue(rate >= 0 && rate <= 1);
        }
    }

    private static int indexOf(double[] a, double v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
