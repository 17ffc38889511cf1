package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The audit setting: names, row ids that lead back to the source table, shapes, encodings, samples, and one clear
 * {@link IllegalArgumentException} per kind of bad input.
 */
class AuditSettingTest {
    private static final Dataset TOY = Datasets.toy(120, 3);

    private static AuditSetting toy() {
        return AuditSetting.of(TOY);
    }

    @Test
    void namesComeFromTheDataset() {
        AuditSetting s = toy();
        assertEquals(TOY.name(), s.name());
        assertEquals(TOY.features().names(), s.names());
        assertFalse(s.names().contains(TOY.target()), "the target is not a feature");
        assertEquals(TOY.sensitive(), s.sensitive());
        assertEquals(TOY.protectedValue(), s.protectedValue());
        assertEquals(Optional.of(TOY.target()), s.target());
        assertTrue(s.sensitiveIsFeature());
        assertEquals(s.names().get(s.sensitiveIndex()), s.sensitive());
        assertTrue(s.foregroundName().contains(s.protectedValue()) && s.foregroundName().contains(s.sensitive()),
                s.foregroundName());
        assertNotEquals(s.foregroundName(), s.backgroundName());
        AuditSetting named = s.withGroupNames("women", "men");
        assertEquals("women", named.name(Group.FOREGROUND));
        assertEquals("men", named.name(Group.BACKGROUND));
        assertArrayEquals(s.ids(Group.FOREGROUND), named.ids(Group.FOREGROUND), "names do not move rows");
        assertEquals("women", named.foreground().name());
    }

    @Test
    void foregroundAndBackgroundIdsPartitionTheSourceRows() {
        AuditSetting s = toy();
        Table source = s.source();
        int[] fg = s.ids(Group.FOREGROUND);
        int[] bg = s.ids(Group.BACKGROUND);
        assertEquals(source.rowCount(), fg.length + bg.length);
        int[] all = IntStream.concat(Arrays.stream(fg), Arrays.stream(bg)).sorted().toArray();
        assertArrayEquals(IntStream.range(0, source.rowCount()).toArray(), all, "each row in exactly one group");
        assertArrayEquals(Arrays.stream(fg).sorted().toArray(), fg, "ids ascending");
        assertArrayEquals(Arrays.stream(bg).sorted().toArray(), bg, "ids ascending");
        boolean[] mask = TOY.protectedMask();
        for (int id : fg) {
            assertTrue(mask[id] && source.stringColumn(s.sensitive()).get(id).equals(s.protectedValue()));
        }
        for (int id : bg) {
            assertFalse(mask[id]);
        }
        assertEquals(fg.length, s.size(Group.FOREGROUND));
        assertEquals(bg.length, s.size(Group.BACKGROUND));
    }

    @Test
    void groupTablesHoldTheSourceRowsUnderTheirIds() {
        AuditSetting s = toy();
        Table source = s.source();
        for (Group g : Group.values()) {
            Table t = s.table(g);
            assertEquals(AuditSetting.ROW_ID, t.columnNames().get(0), "the row id column leads");
            List<String> expected = new ArrayList<>(List.of(AuditSetting.ROW_ID));
            expected.addAll(source.columnNames());
            assertEquals(expected, t.columnNames());
            assertEquals(s.size(g), t.rowCount());
            assertArrayEquals(s.ids(g), t.intColumn(AuditSetting.ROW_ID).asIntArray());
            assertSameRows(source, s.ids(g), t);
        }
        assertEquals(s.table(Group.FOREGROUND).print(), s.foreground().print());
        assertEquals(s.table(Group.BACKGROUND).print(), s.background().print());
    }

    @Test
    void encodedRowsFollowTheFeaturesAndTheIds() {
        AuditSetting s = toy();
        double[][] x = s.features().encode(s.source());
        for (Group g : Group.values()) {
            double[][] rows = s.rows(g);
            int[] ids = s.ids(g);
            assertEquals(ids.length, rows.length);
            for (int k = 0; k < rows.length; k++) {
                assertEquals(s.names().size(), rows[k].length);
                assertArrayEquals(x[ids[k]], rows[k], "row " + ids[k]);
            }
        }
        double female = s.features().get(s.sensitiveIndex()).code(s.protectedValue());
        for (double[] row : s.rows(Group.FOREGROUND)) {
            assertEquals(female, row[s.sensitiveIndex()]);
        }
        for (double[] row : s.rows(Group.BACKGROUND)) {
            assertNotEquals(female, row[s.sensitiveIndex()]);
        }
        s.rows(Group.FOREGROUND)[0][0] = Double.NaN;
        assertFalse(Double.isNaN(s.rows(Group.FOREGROUND)[0][0]), "rows are copies");
    }

    @Test
    void categoricalMaskMatchesTheFeaturesAndTheColumnTypes() {
        AuditSetting s = toy();
        boolean[] mask = s.categorical();
        assertEquals(s.names().size(), mask.length);
        Table source = s.source();
        for (int i = 0; i < mask.length; i++) {
            assertEquals(s.features().get(i).categorical(), mask[i], s.names().get(i));
            assertEquals(source.column(s.names().get(i)).type() == ColumnType.STRING, mask[i], s.names().get(i));
        }
        assertTrue(mask[s.sensitiveIndex()], "sex is text, so categorical");
    }

    @Test
    void samplesAreRealRowsWithRepeatsKept() {
        AuditSetting s = toy();
        Table source = s.source();
        int[] groupIds = s.ids(Group.BACKGROUND);
        int[] positions = {3, 0, 3, groupIds.length - 1, 3};
        Sample sample = s.sample(Group.BACKGROUND, positions, "S_1'");
        assertEquals("S_1'", sample.name());
        assertEquals(Group.BACKGROUND, sample.group());
        assertEquals(positions.length, sample.size());
        assertEquals(3, sample.distinctRows());
        assertArrayEquals(positions, sample.positions());
        assertEquals(s.names(), sample.features());
        double[][] groupRows = s.rows(Group.BACKGROUND);
        for (int k = 0; k < positions.length; k++) {
            assertEquals(groupIds[positions[k]], sample.ids()[k]);
            assertArrayEquals(groupRows[positions[k]], sample.rows()[k]);
        }
        Table t = sample.toTable();
        assertEquals(positions.length, t.rowCount(), "repeats are kept");
        assertArrayEquals(sample.ids(), t.intColumn(AuditSetting.ROW_ID).asIntArray());
        assertSameRows(source, sample.ids(), t);
        assertThrows(IndexOutOfBoundsException.class,
                () -> s.sample(Group.FOREGROUND, new int[] {s.size(Group.FOREGROUND)}, "too far"));
    }

    @Test
    void uniformSamplesAreSeededAndAllCoversTheGroup() {
        AuditSetting s = toy();
        Sample a = s.uniformSample(Group.FOREGROUND, 25, 9);
        Sample b = s.uniformSample(Group.FOREGROUND, 25, 9);
        assertEquals(25, a.size());
        assertArrayEquals(a.ids(), b.ids(), "same seed, same rows");
        assertNotEquals(Arrays.toString(a.ids()), Arrays.toString(s.uniformSample(Group.FOREGROUND, 25, 10).ids()));
        int[] fg = s.ids(Group.FOREGROUND);
        for (int id : a.ids()) {
            assertTrue(Arrays.binarySearch(fg, id) >= 0, "id " + id + " is a foreground row");
        }
        Sample all = s.all(Group.BACKGROUND);
        assertArrayEquals(s.ids(Group.BACKGROUND), all.ids());
        assertEquals(s.size(Group.BACKGROUND), all.distinctRows());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.uniformSample(Group.FOREGROUND, 0, 1))
                .getMessage().contains("M = 0"));
    }

    @Test
    void anyTableWithATargetAndAnotherEncoding() {
        Table raw = Toy.generate(80, 5).setName("toy table");
        AuditSetting every = AuditSetting.of(raw, "sex", "Female");
        assertEquals(raw.columnNames(), every.names(), "every column is a feature until told");
        assertEquals(Optional.empty(), every.target());
        AuditSetting withTarget = every.withTarget("employed");
        assertEquals(raw.columnNames().subList(0, raw.columnCount() - 1), withTarget.names());
        assertFalse(withTarget.names().contains("employed"));
        assertEquals(Optional.of("employed"), withTarget.target());
        assertTrue(withTarget.foreground().containsColumn("employed"), "the target stays in the tables");
        assertArrayEquals(every.ids(Group.FOREGROUND), withTarget.ids(Group.FOREGROUND));
        assertEquals(withTarget.names().size(), withTarget.rows(Group.BACKGROUND)[0].length);

        // a model's own encoding: two features, sex levels in the model's (reversed) order
        Features model = Features.of(Feature.numeric("height"), Feature.categorical("sex", List.of("Male", "Female")));
        AuditSetting encoded = withTarget.withFeatures(model);
        assertEquals(List.of("height", "sex"), encoded.names());
        assertArrayEquals(new boolean[] {false, true}, encoded.categorical());
        assertEquals(1, encoded.sensitiveIndex());
        double[][] x = model.encode(raw);
        int[] fg = encoded.ids(Group.FOREGROUND);
        double[][] rows = encoded.rows(Group.FOREGROUND);
        for (int k = 0; k < fg.length; k++) {
            assertArrayEquals(x[fg[k]], rows[k]);
            assertEquals(1.0, rows[k][1], "Female is level 1 in the model's encoding");
        }
        for (double[] row : encoded.rows(Group.BACKGROUND)) {
            assertEquals(0.0, row[1]);
        }
        AuditSetting withoutSex = every.withFeatures(Features.of(Feature.numeric("height")));
        assertFalse(withoutSex.sensitiveIsFeature());
        assertTrue(assertThrows(IllegalStateException.class, withoutSex::sensitiveIndex).getMessage()
                .contains("sex"));
    }

    @Test
    void aTargetDeclaredAfterTheModelsEncodingKeepsIt() {
        Table raw = Toy.generate(80, 5).setName("toy table");
        Features model = Features.of(Feature.numeric("height"), Feature.categorical("sex", List.of("Male", "Female")));
        AuditSetting encodedThenTarget = AuditSetting.of(raw, "sex", "Female").withFeatures(model).withTarget("employed");
        AuditSetting targetThenEncoded = AuditSetting.of(raw, "sex", "Female").withTarget("employed").withFeatures(model);
        assertEquals(model.names(), encodedThenTarget.names());
        assertEquals(Optional.of("employed"), encodedThenTarget.target());
        assertArrayEquals(targetThenEncoded.rows(Group.FOREGROUND), encodedThenTarget.rows(Group.FOREGROUND),
                "the order of withFeatures and withTarget does not change the encoding");
    }

    @Test
    void numericSensitiveColumnsCompareAsNumbers() {
        Table t = Table.create("coded", IntColumn.create("gender", 0, 1, 1, 0, 1),
                DoubleColumn.create("x", 1.5, 2.5, 3.5, 4.5, 5.5));
        AuditSetting s = AuditSetting.of(t, "gender", "0");
        assertArrayEquals(new int[] {0, 3}, s.ids(Group.FOREGROUND));
        assertArrayEquals(new int[] {1, 2, 4}, s.ids(Group.BACKGROUND));
        assertArrayEquals(new boolean[] {false, false}, s.categorical());
    }

    @Test
    void rowsAsASetting() {
        double[][] fg = {{1, 2}, {3, 4}, {5, 6}};
        double[][] bg = {{7, 8}, {9, 10}};
        AuditSetting s = AuditSetting.ofRows(fg, bg, List.of("a", "b"));
        assertEquals(List.of("a", "b"), s.names());
        assertArrayEquals(fg, s.rows(Group.FOREGROUND));
        assertArrayEquals(bg, s.rows(Group.BACKGROUND));
        assertArrayEquals(new int[] {0, 1, 2}, s.ids(Group.FOREGROUND), "the foreground comes first");
        assertArrayEquals(new int[] {3, 4}, s.ids(Group.BACKGROUND));
        assertArrayEquals(new boolean[] {false, false}, s.categorical());
        Table t = s.background();
        assertArrayEquals(new double[] {7, 9}, t.doubleColumn("a").asDoubleArray());
        assertArrayEquals(s.ids(Group.BACKGROUND), t.intColumn(AuditSetting.ROW_ID).asIntArray());
        Sample sample = s.sample(Group.BACKGROUND, new int[] {1, 1}, "S");
        assertArrayEquals(new double[][] {bg[1], bg[1]}, sample.rows());
        fails(() -> AuditSetting.ofRows(fg, new double[][] {{1, 2}, {3}}, List.of("a", "b")), "row 1", "1 values");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void unknownSensitiveColumn() {
        fails(() -> AuditSetting.of(small(), "gender", "F"), "gender", "sex");
        fails(() -> AuditSetting.of(TOY, "gender", "F"), "gender");
    }

    @Test
    void absentProtectedValue() {
        fails(() -> AuditSetting.of(small(), "sex", "Other"), "Other", "sex");
    }

    @Test
    void singleGroupColumn() {
        Table t = small();
        t.addColumns(StringColumn.create("site", "A", "A", "A", "A"));
        fails(() -> AuditSetting.of(t, "site", "A"), "site", "one group");
    }

    @Test
    void missingValuesNameTheirColumns() {
        Table t = small();
        t.doubleColumn("height").setMissing(2);
        DoubleColumn income = DoubleColumn.create("income", 1.0, 2.0, 3.0, 4.0);
        income.setMissing(0);
        income.setMissing(3);
        t.addColumns(income);
        String message = fails(() -> AuditSetting.of(t, "sex", "F"), "height", "income", "missing");
        assertFalse(message.contains("muscle"), "only the columns with missing values: " + message);
        Table sexMissing = small();
        sexMissing.stringColumn("sex").set(1, "");
        fails(() -> AuditSetting.of(sexMissing, "sex", "F"), "sex", "missing");
    }

    @Test
    void unknownTargetAndOtherMistakes() {
        AuditSetting s = AuditSetting.of(small(), "sex", "F");
        fails(() -> s.withTarget("income"), "income");
        fails(() -> s.withTarget("sex"), "sex");
        fails(() -> s.withFeatures(Features.of(Feature.numeric("weight"))), "weight");
        fails(() -> AuditSetting.of(Table.create("empty", StringColumn.create("sex")), "sex", "F"), "empty", "rows");
        Table noSex = small();
        noSex.addColumns(IntColumn.create("y", 0, 1, 0, 1));
        Dataset without = Dataset.of("plain", noSex.removeColumns("sex"), "y", null, null);
        fails(() -> AuditSetting.of(without), "plain", "sensitive");
    }

    /** Four rows: sex F/M, height and muscle numeric. */
    private static Table small() {
        return Table.create("small", StringColumn.create("sex", "F", "M", "F", "M"),
                DoubleColumn.create("height", 160.0, 175.0, 165.0, 180.0),
                DoubleColumn.create("muscle", 20.0, 30.0, 22.0, 33.0));
    }

    /** One IllegalArgumentException whose message names every culprit; returns the message. */
    private static String fails(Executable call, String... culprits) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String c : culprits) {
            assertTrue(e.getMessage().contains(c), "message \"" + e.getMessage() + "\" should name " + c);
        }
        return e.getMessage();
    }

    /** Every source column of {@code table}'s row k equals the source row ids[k]. */
    static void assertSameRows(Table source, int[] ids, Table table) {
        assertEquals(ids.length, table.rowCount());
        for (String c : source.columnNames()) {
            for (int k = 0; k < ids.length; k++) {
                assertEquals(source.column(c).getString(ids[k]), table.column(c).getString(k),
                        "column " + c + ", row " + ids[k]);
            }
        }
    }
}
