package org.foolshap.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.foolshap.audit.Draws;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The audit setting as one value (the role Python shap's masker plays): a source table, the model's encoding of its
 * columns, the sensitive attribute s with its protected value, and the resulting groups D_0 (foreground, the
 * protected group) and D_1 (background, everyone else) as Tablesaw tables, as encoded model rows and as row ids back
 * to the source table. Explainers, the attack and the auditor accept it, so feature names, the categorical mask and
 * the sensitive feature are declared once, and supplied samples come back as tables of real rows.
 *
 * <pre>{@code
 * AuditSetting setting = AuditSetting.of(Datasets.load("adult")).withGroupNames("women", "men");
 * Sample s0 = setting.uniformSample(Group.FOREGROUND, 200, 1);
 * }</pre>
 *
 * <p>Encoding every row once costs O(rows x features) at construction; the accessors copy. Immutable.
 */
public final class AuditSetting {
    /** Name of the column holding source row ids in every table this setting hands out. */
    public static final String ROW_ID = "row";

    private final String name;
    private final Table source;
    private final Features features;
    private final String sensitive;
    private final String protectedValue;
    private final String target;
    private final int[] foregroundIds;
    private final int[] backgroundIds;
    private final double[][] x;
    private final String foregroundName;
    private final String backgroundName;

    private AuditSetting(String name, Table source, Features features, String sensitive, String protectedValue,
                         String target, String foregroundName, String backgroundName) {
        this.name = name;
        this.source = source;
        this.features = features;
        this.sensitive = sensitive;
        this.protectedValue = protectedValue;
        this.target = target;
        boolean[] mask = Dataset.protectedMask(source, sensitive, protectedValue);
        this.foregroundIds = IntStream.range(0, mask.length).filter(i -> mask[i]).toArray();
        this.backgroundIds = IntStream.range(0, mask.length).filter(i -> !mask[i]).toArray();
        checkComplete(source, features);
        this.x = features.encode(source);
        this.foregroundName = foregroundName;
        this.backgroundName = backgroundName;
    }

    /** The dataset's own sensitive attribute and protected value; its features and target. */
    public static AuditSetting of(Dataset data) {
        if (!data.hasSensitive()) {
            throw new IllegalArgumentException("dataset " + data.name() + " has no sensitive attribute: use "
                    + "AuditSetting.of(data, column, protectedValue)");
        }
        return of(data, data.sensitive(), data.protectedValue());
    }

    /** Groups a dataset by another attribute (e.g. race instead of sex); its features and target are kept. */
    public static AuditSetting of(Dataset data, String sensitive, String protectedValue) {
        Table t = data.table().setName(data.name());
        return new AuditSetting(data.name(), t, data.features(), sensitive, protectedValue, data.target(),
                defaultName(sensitive, protectedValue, true), defaultName(sensitive, protectedValue, false));
    }

    /**
     * Any table: every column is a model feature (text columns categorical, with sorted levels) until
     * {@link #withTarget} or {@link #withFeatures} says otherwise. Errors name the culprit: an unknown column, a
     * protected value no row has, a column with a single group, missing values.
     */
    public static AuditSetting of(Table table, String sensitive, String protectedValue) {
        Objects.requireNonNull(table, "table");
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table " + table.name() + " has no rows");
        }
        Table t = table.copy();
        return new AuditSetting(table.name(), t, Features.infer(t), sensitive, protectedValue, null,
                defaultName(sensitive, protectedValue, true), defaultName(sensitive, protectedValue, false));
    }

    /**
     * The lower tier as a setting: foreground and background model rows, all numeric, features named as given.
     * The source table is their concatenation (foreground first) with a {@code group} column "D_0" / "D_1".
     */
    public static AuditSetting ofRows(double[][] foreground, double[][] background, List<String> names) {
        int d = names.size();
        Table t = Table.create("rows");
        StringColumn group = StringColumn.create("group");
        for (int r = 0; r < foreground.length; r++) {
            group.append(Group.FOREGROUND.symbol());
        }
        for (int r = 0; r < background.length; r++) {
            group.append(Group.BACKGROUND.symbol());
        }
        List<Feature> list = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            DoubleColumn c = DoubleColumn.create(names.get(j));
            for (Group g : Group.values()) {
                double[][] rows = g == Group.FOREGROUND ? foreground : background;
                for (int r = 0; r < rows.length; r++) {
                    if (rows[r].length != d) {
                        throw new IllegalArgumentException(g.name().toLowerCase(java.util.Locale.ROOT) + " row " + r
                                + " has " + rows[r].length + " values for " + d + " feature names");
                    }
                    c.append(rows[r][j]);
                }
            }
            t.addColumns(c);
            list.add(Feature.numeric(names.get(j)));
        }
        t.addColumns(group);
        return new AuditSetting("rows", t, new Features(list), "group", Group.FOREGROUND.symbol(), null,
                "foreground", "background");
    }

    /** Excludes the target (label) column from the features; it stays in the tables. */
    public AuditSetting withTarget(String target) {
        if (!source.containsColumn(target)) {
            throw new IllegalArgumentException("target column '" + target + "' is not in " + source.name()
                    + " (columns: " + source.columnNames() + ")");
        }
        if (target.equals(sensitive)) {
            throw new IllegalArgumentException("the target '" + target + "' cannot also be the sensitive attribute");
        }
        // keep the encoding in force (e.g. a model's, from withFeatures), less the target
        Features kept = new Features(features.list().stream().filter(f -> !f.name().equals(target)).toList());
        return new AuditSetting(name, source, kept, sensitive, protectedValue, target, foregroundName, backgroundName);
    }

    /** Encodes with a model's own features (e.g. {@code modelFile.features()}), so codes match its training. */
    public AuditSetting withFeatures(Features modelFeatures) {
        return new AuditSetting(name, source, Objects.requireNonNull(modelFeatures, "features"), sensitive,
                protectedValue, target, foregroundName, backgroundName);
    }

    /** Names for figures and messages, e.g. ("women", "men"); default "s = v" and "s != v". */
    public AuditSetting withGroupNames(String foreground, String background) {
        return new AuditSetting(name, source, features, sensitive, protectedValue, target,
                Objects.requireNonNull(foreground, "foreground"), Objects.requireNonNull(background, "background"));
    }

    public String name() {
        return name;
    }

    /** The source table (a copy), without row ids: row i has id i. */
    public Table source() {
        return source.copy();
    }

    public Features features() {
        return features;
    }

    public List<String> names() {
        return features.names();
    }

    /** Which features are categorical, in feature order. */
    public boolean[] categorical() {
        boolean[] mask = new boolean[features.width()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = features.get(i).categorical();
        }
        return mask;
    }

    /** The sensitive attribute's column name. */
    public String sensitive() {
        return sensitive;
    }

    public String protectedValue() {
        return protectedValue;
    }

    /** The target column, if one was declared. */
    public java.util.Optional<String> target() {
        return java.util.Optional.ofNullable(target);
    }

    /** Whether the sensitive attribute is one of the model's features (Phi_s exists). */
    public boolean sensitiveIsFeature() {
        return features.names().contains(sensitive);
    }

    /** The sensitive attribute's feature index s; an error when the model does not take it. */
    public int sensitiveIndex() {
        if (!sensitiveIsFeature()) {
            throw new IllegalStateException("the sensitive attribute '" + sensitive + "' is not a model feature "
                    + features.names() + ", so it has no attribution Phi_s to attack or audit");
        }
        return features.index(sensitive);
    }

    public String foregroundName() {
        return foregroundName;
    }

    public String backgroundName() {
        return backgroundName;
    }

    /** The display name of a group. */
    public String name(Group group) {
        return group == Group.FOREGROUND ? foregroundName : backgroundName;
    }

    public int size(Group group) {
        return ids(group).length;
    }

    /** Source row ids of a group, ascending. */
    public int[] ids(Group group) {
        return (group == Group.FOREGROUND ? foregroundIds : backgroundIds).clone();
    }

    /** The group's encoded model rows (copies), in id order. */
    public double[][] rows(Group group) {
        int[] ids = group == Group.FOREGROUND ? foregroundIds : backgroundIds;
        double[][] out = new double[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            out[i] = x[ids[i]].clone();
        }
        return out;
    }

    /** D_0 as a table: the row id column, then the source columns. */
    public Table foreground() {
        return table(Group.FOREGROUND);
    }

    /** D_1 as a table: the row id column, then the source columns. */
    public Table background() {
        return table(Group.BACKGROUND);
    }

    public Table table(Group group) {
        return Sample.withIds(source, ids(group), name(group));
    }

    /** The whole group as a sample (every row once). */
    public Sample all(Group group) {
        int n = size(group);
        return sample(group, IntStream.range(0, n).toArray(), name(group));
    }

    /**
     * Rows of a group by position (0 .. size - 1, repeats kept), e.g. the S_1' an attack drew.
     *
     * @param name a label for tables and figures, e.g. "S_1'"
     */
    public Sample sample(Group group, int[] positions, String name) {
        int[] groupIds = group == Group.FOREGROUND ? foregroundIds : backgroundIds;
        int[] ids = new int[positions.length];
        double[][] rows = new double[positions.length][];
        for (int k = 0; k < positions.length; k++) {
            int p = positions[k];
            if (p < 0 || p >= groupIds.length) {
                throw new IndexOutOfBoundsException("position " + p + " is outside " + group.symbol() + " ("
                        + groupIds.length + " rows)");
            }
            ids[k] = groupIds[p];
            rows[k] = x[ids[k]].clone();
        }
        return new Sample(name, group, positions.clone(), ids, rows, Sample.withIds(source, ids, name),
                features.names());
    }

    /** M rows of a group drawn uniformly with replacement from {@code seed} (an honest sample). */
    public Sample uniformSample(Group group, int m, long seed) {
        if (m < 1) {
            throw new IllegalArgumentException("a sample needs at least one row, got M = " + m);
        }
        int[] positions = Draws.uniform(size(group), m, new SplittableRandom(seed));
        return sample(group, positions, "uniform sample of " + name(group));
    }

    @Override
    public String toString() {
        return "AuditSetting " + name + ": " + sensitive + " = " + protectedValue + " -> " + foregroundName + " (D_0, "
                + foregroundIds.length + " rows) vs " + backgroundName + " (D_1, " + backgroundIds.length + " rows); "
                + features.width() + " features" + (target == null ? "" : ", target " + target);
    }

    private static String defaultName(String sensitive, String value, boolean foreground) {
        return sensitive + (foreground ? " = " : " \u2260 ") + value;
    }

    /** One message for all missing values among the features, naming each column and its first row. */
    private static void checkComplete(Table table, Features features) {
        List<String> problems = new ArrayList<>();
        for (String f : features.names()) {
            if (!table.containsColumn(f)) {
                throw new IllegalArgumentException("column " + f + " of the model's features is missing from table "
                        + table.name() + " (it has " + table.columnNames() + ")");
            }
            Column<?> c = table.column(f);
            int missing = c.countMissing();
            if (missing > 0) {
                int first = IntStream.range(0, c.size()).filter(c::isMissing).findFirst().orElse(-1);
                problems.add(f + " (" + missing + ", first at row " + first + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("table " + table.name() + " has missing values in " + String.join(", ",
                    problems) + "; drop or impute them first, e.g. table.dropRowsWithMissingValues()");
        }
    }
}
