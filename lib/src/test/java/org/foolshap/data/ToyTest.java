package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ToyTest {
    private static double mean(Table t, String column, String sex) {
        return t.where(t.stringColumn("sex").isEqualTo(sex)).numberColumn(column).mean();
    }

    private static double sd(Table t, String column, String sex) {
        return t.where(t.stringColumn("sex").isEqualTo(sex)).numberColumn(column).standardDeviation();
    }

    @Test
    void followsTheSpecByGroup() {
        Table t = Toy.generate(Toy.DEFAULT_ROWS, 42);
        assertEquals(6000, t.rowCount());
        double women = t.where(t.stringColumn("sex").isEqualTo("Female")).rowCount();
        assertEquals(0.5, women / t.rowCount(), 0.03);
        // Standard errors with ~3000 rows per group: height 7/sqrt(3000) = 0.13; tolerances are ~4 of them.
        assertEquals(177, mean(t, "height", "Male"), 0.5);
        assertEquals(163, mean(t, "height", "Female"), 0.5);
        assertEquals(7, sd(t, "height", "Male"), 0.3);
        assertEquals(177 * 0.186, mean(t, "muscle", "Male"), 0.2);
        assertEquals(163 * 0.128, mean(t, "muscle", "Female"), 0.2);
        // sd(muscle) = sqrt((7 * slope)^2 + (4 + sex)^2)
        assertEquals(Math.hypot(7 * 0.186, 5), sd(t, "muscle", "Male"), 0.25);
        assertEquals(Math.hypot(7 * 0.128, 4), sd(t, "muscle", "Female"), 0.25);
        assertEquals(0, t.numberColumn("noise1").mean(), 0.6);
        assertEquals(10, t.numberColumn("noise2").standardDeviation(), 0.4);
        double employedWomen = mean(t, "employed", "Female");
        double employedMen = mean(t, "employed", "Male");
        assertTrue(employedMen - employedWomen > 0.4, "women are rarely employed: " + employedWomen + " vs " + employedMen);
    }

    @Test
    void isDeterministicGivenTheSeed() {
        assertEquals(Toy.generate(100, 7).print(), Toy.generate(100, 7).print());
        assertNotEquals(Toy.generate(100, 7).print(), Toy.generate(100, 8).print());
    }

    @Test
    void isTheDefaultEmbeddedDataset() {
        Dataset d = Datasets.load("toy");
        assertEquals(6000, d.rowCount());
        assertEquals("sex", d.sensitive());
        assertEquals("employed", d.target());
        assertEquals(d.rowCount(), d.foregroundRows().length + d.backgroundRows().length);
    }
}
