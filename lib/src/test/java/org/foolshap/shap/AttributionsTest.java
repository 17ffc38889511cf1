package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.foolshap.ToyAudit;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.model.Model;
import org.foolshap.model.OutputScale;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Attributions as a table, and the output scale they inherit from the model. */
class AttributionsTest {

    @Test
    void tableHasOneRowPerFeatureInModelOrder() {
        AuditSetting setting = ToyAudit.setting();
        Attributions a = GlobalShap.of(Explainers.exact(ToyAudit.model(setting)))
                .explain(setting.uniformSample(Group.FOREGROUND, 30, 1), setting.uniformSample(Group.BACKGROUND, 30, 2));
        Table t = a.toTable();
        assertEquals(List.of("feature", "phi", "ci_half_width", "rank"), t.columnNames());
        assertEquals(setting.names(), t.stringColumn("feature").asList());
        assertArrayEquals(a.values(), t.doubleColumn("phi").asDoubleArray());
        assertArrayEquals(a.halfWidths(), t.doubleColumn("ci_half_width").asDoubleArray());
        int[] rank = t.intColumn("rank").asIntArray();
        for (int i = 0; i < rank.length; i++) {
            int larger = 0;
            for (double v : a.values()) {
                larger += Math.abs(v) > Math.abs(a.values()[i]) ? 1 : 0;
            }
            assertEquals(1 + larger, rank[i], "rank of " + a.features().get(i));
        }
        assertEquals(1, a.rank(a.byImportance().get(0)));
        assertEquals(a.gap(), a.total(), 1e-9, "efficiency");
    }

    @Test
    void ranksShareTiesAndTheTableIsACopy() {
        Attributions a = new Attributions(List.of("a", "b", "c", "d"), new double[] {0.1, -0.3, 0.3, 0},
                new double[] {0.01, 0.02, 0.03, 0}, 0.5, 0.4, 0.95);
        Table t = a.toTable();
        assertArrayEquals(new int[] {3, 1, 1, 4}, t.intColumn("rank").asIntArray());
        t.doubleColumn("phi").set(0, 99.0);
        assertEquals(0.1, a.value("a"), "changing the table leaves the result alone");
        assertEquals(OutputScale.PROBABILITY, a.scale(), "the six-argument form is on the probability scale");
    }

    @Test
    void scaleComesFromTheModel() {
        Model logOdds = Model.of(2, x -> 2 * x[0] - x[1] + x[0] * x[1], OutputScale.LOG_ODDS);
        double[][] f = {{1, 0}, {2, 1}, {0, 3}};
        double[][] b = {{0, 0}, {1, 1}};
        Attributions a = GlobalShap.of(Explainers.exact(logOdds)).explain(f, b);
        assertEquals(OutputScale.LOG_ODDS, a.scale());
        assertTrue(a.toString().contains("log-odds"), a.toString());
        assertThrows(NullPointerException.class, () -> new Attributions(List.of("a"), new double[1], new double[1],
                0, 0, 0.95, null));
    }
}
