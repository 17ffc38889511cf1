package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DatasetTest {
    private static Table table(int[] labels) {
        double[] x = new double[labels.length];
        String[] g = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            x[i] = i;
            g[i] = i % 3 == 0 ? "A" : "B";
        }
        return Table.create("t", DoubleColumn.create("x", x), StringColumn.create("g", g), IntColumn.create("y", labels));
    }

    @Property(tries = 60)
    void splitsPartitionTheRowsAndKeepTheClassBalance(@ForAll @Size(min = 10, max = 300) List<@IntRange(max = 1) Integer> labels,
                                                      @ForAll @IntRange(max = 4) int seed) {
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        net.jqwik.api.Assume.that(Arrays.stream(y).sum() > 0 && Arrays.stream(y).sum() < y.length);
        Dataset d = Dataset.of("t", table(y), "y", null, null);
        Split s = d.split(seed);
        int[] all = java.util.stream.IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(java.util.stream.IntStream.range(0, y.length).toArray(), all, "train + test = every row once");
        for (int c = 0; c <= 1; c++) {
            final int cls = c;
            long nc = Arrays.stream(y).filter(v -> v == cls).count();
            long inTest = Arrays.stream(s.test()).filter(i -> y[i] == cls).count();
            assertEquals(Math.round(0.2 * nc), inTest, "class " + c + " is split 80/20");
        }
        assertArrayEquals(s.test(), d.split(seed).test(), "same seed, same split");
    }

    @Test
    void differentSeedsGiveDifferentSplits() {
        int[] y = new int[500];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 4 == 0 ? 1 : 0;
        }
        Dataset d = Dataset.of("t", table(y), "y", null, null);
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                assertFalse(Arrays.equals(d.split(a).test(), d.split(b).test()), "seeds " + a + " and " + b);
            }
        }
    }

    @Test
    void groupsSplitTheRowsByTheProtectedValue() {
        int[] y = {0, 1, 0, 1, 0, 1};
        Dataset d = Dataset.of("t", table(y), "y", "g", "A");
        assertArrayEquals(new int[] {0, 3}, d.foregroundRows());
        assertArrayEquals(new int[] {1, 2, 4, 5}, d.backgroundRows());
        assertEquals(2, d.foreground().rowCount());
        assertEquals(4, d.background().rowCount());
    }

    @Test
    void numericSensitiveValuesCompareAsNumbers() {
        Table t = Table.create("t", DoubleColumn.create("s", 0.0, 1.0, 0.0, 1.0), IntColumn.create("y", 0, 1, 1, 0));
        Dataset d = Dataset.of("t", t, "y", "s", "0");
        assertArrayEquals(new int[] {0, 2}, d.foregroundRows());
    }

    @Test
    void stringTargetsAreCodedInSortedOrderAndMovedLast() {
        Table t = Table.create("t", StringColumn.create("label", "yes", "no", "yes"), DoubleColumn.create("x", 1, 2, 3));
        Dataset d = Dataset.of("t", t, "label", null, null);
        assertEquals(List.of("no", "yes"), d.targetLevels());
        assertArrayEquals(new int[] {1, 0, 1}, d.y());
        assertEquals(List.of("x", "label"), d.table().columnNames());
    }

    @Test
    void badTablesAreOneLineErrors() {
        int[] y = {0, 1, 0, 1};
        var missing = assertThrows(IllegalArgumentException.class, () -> Dataset.of("t", table(y), "nope", null, null));
        assertTrue(missing.getMessage().contains("target column 'nope'"), missing.getMessage());

        Table three = Table.create("t", DoubleColumn.create("x", 1, 2, 3), IntColumn.create("y", 0, 1, 2));
        var levels = assertThrows(IllegalArgumentException.class, () -> Dataset.of("t", three, "y", null, null));
        assertTrue(levels.getMessage().contains("3 distinct values"), levels.getMessage());

        Table one = Table.create("t", DoubleColumn.create("x", 1, 2), IntColumn.create("y", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Dataset.of("t", one, "y", null, null));

        var group = assertThrows(IllegalArgumentException.class, () -> Dataset.of("t", table(y), "y", "g", "Z"));
        assertTrue(group.getMessage().contains("only one group"), group.getMessage());

        var noColumn = assertThrows(IllegalArgumentException.class, () -> Dataset.of("t", table(y), "y", "sex", "F"));
        assertTrue(noColumn.getMessage().contains("sensitive attribute 'sex'"), noColumn.getMessage());
        for (var e : List.of(missing, levels, group, noColumn)) {
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    @Test
    void encodingRoundTripsAndRejectsUnknownLevels() {
        int[] y = {0, 1, 0, 1};
        Dataset d = Dataset.of("t", table(y), "y", "g", "A");
        double[][] x = d.x();
        assertEquals(List.of("x", "g"), d.features().names());
        Table back = d.features().decode(x, "back");
        assertEquals(d.table().stringColumn("g").asList(), back.stringColumn("g").asList());
        Table unseen = Table.create("u", DoubleColumn.create("x", 1.0), StringColumn.create("g", "C"));
        var e = assertThrows(IllegalArgumentException.class, () -> d.features().encode(unseen));
        assertTrue(e.getMessage().contains("unknown category 'C'"), e.getMessage());
    }

    @Test
    void rowsKeepTheGivenOrderAndRepeats() {
        int[] y = {0, 1, 0, 1, 0, 1};
        Dataset d = Dataset.of("t", table(y), "y", "g", "A");
        Table t = d.rows(new int[] {5, 0, 5});
        assertArrayEquals(new double[] {5, 0, 5}, t.doubleColumn("x").asDoubleArray());
        assertThrows(IndexOutOfBoundsException.class, () -> d.rows(new int[] {6}));
    }
}
