package org.foolshap.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.foolshap.Tabular;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every audit an auditor holding the groups' feature rows can run on supplied S_0', S_1', by family
 * ({@link AuditFamily}): the paper's six output tests, duplicate rows, per-feature tests, Anderson-Darling and
 * Cramer-von Mises on the outputs, MMD and energy distance on the rows, and a classifier two-sample test. The total
 * level alpha is the auditor's significance, split equally between the families run (Bonferroni), so an honest pair
 * of samples is flagged by the whole audit at most alpha of the time; each family controls its own tests inside.
 * By default the families are paper, duplicates and features ({@link #of}); {@link #withFamilies} chooses others.
 *
 * <pre>{@code
 * FullAudit.Report r = FullAudit.of(Auditor.of(model, setting))
 *         .withFamilies(AuditFamily.PAPER, AuditFamily.FEATURES, AuditFamily.MMD).run(s0, s1, seed);
 * }</pre>
 *
 * <p>Cost: the Monte Carlo families draw B honest samples of each group when prepared ({@link #prepare}, once per
 * audit in {@link #run}; about a second for the features and outputs families and a few seconds each for MMD and
 * energy on Adult with B = 999); a prepared audit then tests many pairs of samples of its sizes. Seeds are explicit.
 */
public final class FullAudit {
    private static final List<AuditFamily> DEFAULT = List.of(AuditFamily.PAPER, AuditFamily.DUPLICATES,
            AuditFamily.FEATURES);

    private final Auditor auditor;
    private final FeatureAudit features;
    private final boolean custom;
    private final List<AuditFamily> families;
    private final int draws;
    private final boolean replacement;
    private final int referenceSize;

    private FullAudit(Auditor auditor, FeatureAudit features, boolean custom, List<AuditFamily> families, int draws,
                      boolean replacement, int referenceSize) {
        this.auditor = auditor;
        this.features = features;
        this.custom = custom;
        this.families = families;
        this.draws = draws;
        this.replacement = replacement;
        this.referenceSize = referenceSize;
    }

    /**
     * The paper's auditor plus duplicate and feature tests, alpha / 3 each (all features numeric until told, or the
     * setting's mask when the auditor has one); B = 999 Monte Carlo draws with replacement, reference R = 500.
     */
    public static FullAudit of(Auditor auditor) {
        return new FullAudit(auditor, FeatureAudit.withDefaults(), false, DEFAULT, 999, true, 500);
    }

    /** The families to run, in report order whatever the order given; alpha is split equally between them. */
    public FullAudit withFamilies(AuditFamily... families) {
        return withFamilies(List.of(families));
    }

    public FullAudit withFamilies(List<AuditFamily> families) {
        if (families.isEmpty()) {
            throw new IllegalArgumentException("a full audit needs at least one family of tests");
        }
        List<AuditFamily> sorted = AuditFamily.all().stream().filter(families::contains).toList();
        return new FullAudit(auditor, features, custom, sorted, draws, replacement, referenceSize);
    }

    /** The feature tests' categorical mask and names (e.g. from the CLI's model file). */
    public FullAudit withFeatureAudit(FeatureAudit features) {
        return new FullAudit(auditor, features, true, families, draws, replacement, referenceSize);
    }

    /** Monte Carlo draws B of the features, outputs, mmd and energy families (p-values in steps of 1 / (B + 1)). */
    public FullAudit withDraws(int draws) {
        Permutations.checkCount("Monte Carlo draws", draws);
        return new FullAudit(auditor, features, custom, families, draws, replacement, referenceSize);
    }

    /**
     * Whether the honest samples the null is drawn from are with replacement (the paper's protocol, default) or
     * without (e.g. rows drawn by the commitment protocol). Samples drawn without replacement tested against a null
     * with replacement make the tests slightly conservative (by about M / N).
     */
    public FullAudit withReplacement(boolean replacement) {
        return new FullAudit(auditor, features, custom, families, draws, replacement, referenceSize);
    }

    /** Rows of each group in the reference of the mmd and energy statistics (cost O(N R) to prepare). */
    public FullAudit withReferenceSize(int rows) {
        Permutations.checkCount("reference rows", rows);
        return new FullAudit(auditor, features, custom, families, draws, replacement, rows);
    }

    public List<AuditFamily> families() {
        return families;
    }

    Auditor auditor() {
        return auditor;
    }

    boolean replacement() {
        return replacement;
    }

    /** The total level alpha (the auditor's significance). */
    public double significance() {
        return auditor.significance();
    }

    /** The level of each family: alpha / (number of families). */
    public double familyLevel() {
        return auditor.significance() / families.size();
    }

    /**
     * Every family on supplied samples of the auditor's setting (needs {@code Auditor.of(model, setting)}); the
     * feature tests use the setting's categorical mask and names unless {@link #withFeatureAudit} set others.
     */
    public Report run(Sample s0, Sample s1, long seed) {
        checkGroups(s0, s1);
        AuditSetting setting = setting();
        SplittableRandom rng = new SplittableRandom(seed);
        Prepared p = bySetting(setting).prepare(setting.rows(Group.FOREGROUND), setting.rows(Group.BACKGROUND),
                s0.size(), s1.size(), rng.nextLong());
        return new Report(p.run(s0.rows(), s1.rows(), auditor.outputs(s0), auditor.outputs(s1), rng.nextLong()));
    }

    /** Prepares every family against the auditor's setting for samples of m0 and m1 rows. */
    public Prepared prepare(int m0, int m1, long seed) {
        AuditSetting setting = setting();
        return bySetting(setting).prepare(setting.rows(Group.FOREGROUND), setting.rows(Group.BACKGROUND), m0, m1, seed);
    }

    /**
     * @param d0 the foreground's rows (the auditor holds f of them already), {@code d1} the background's
     * @param s0 the supplied S_0' rows, {@code s1} the supplied S_1' rows, with their outputs
     * @return verdicts by family id, in report order (paper, duplicates, features, outputs, mmd, energy, classifier)
     */
    public Map<String, AuditVerdict> run(double[][] d0, double[][] d1, double[][] s0, double[][] s1,
                                         double[] s0Outputs, double[] s1Outputs, long seed) {
        Kernels.checkRows("supplied sample S_0'", s0);
        Kernels.checkRows("supplied sample S_1'", s1);
        SplittableRandom rng = new SplittableRandom(seed);
        return prepare(d0, d1, s0.length, s1.length, rng.nextLong()).run(s0, s1, s0Outputs, s1Outputs, rng.nextLong());
    }

    /**
     * Prepares every family (Monte Carlo nulls, references, embeddings) for samples of m0 rows of D_0 and m1 of D_1,
     * from {@code seed}. The result audits many pairs of samples of those sizes.
     */
    public Prepared prepare(double[][] d0, double[][] d1, int m0, int m1, long seed) {
        if (d0.length != auditor.foregroundSize() || d1.length != auditor.backgroundSize()) {
            throw new IllegalArgumentException("the auditor holds " + auditor.foregroundSize() + " and "
                    + auditor.backgroundSize() + " outputs but " + d0.length + " and " + d1.length
                    + " group rows were given");
        }
        Kernels.checkRows("group D_0", d0);
        Kernels.checkRows("group D_1", d1);
        if (d0[0].length != d1[0].length) {
            throw new IllegalArgumentException("the groups' rows have " + d0[0].length + " and " + d1[0].length
                    + " columns");
        }
        Families.Context c = new Families.Context(auditor, d0, d1, features.categorical(), features.names(), m0, m1,
                draws, replacement, referenceSize);
        double level = familyLevel();
        SplittableRandom rng = new SplittableRandom(seed);
        Map<AuditFamily, Families.Prepared> prepared = new LinkedHashMap<>();
        for (AuditFamily f : families) {
            prepared.put(f, Families.prepare(f, c, level, rng.split()));
        }
        return new Prepared(prepared, m0, m1, d0[0].length, auditor.significance(), level);
    }

    /** The families prepared against the groups for samples of fixed sizes. Immutable; safe to share. */
    public static final class Prepared {
        private final Map<AuditFamily, Families.Prepared> families;
        private final int m0;
        private final int m1;
        private final int width;
        private final double significance;
        private final double familyLevel;

        private Prepared(Map<AuditFamily, Families.Prepared> families, int m0, int m1, int width, double significance,
                         double familyLevel) {
            this.families = Collections.unmodifiableMap(families);
            this.m0 = m0;
            this.m1 = m1;
            this.width = width;
            this.significance = significance;
            this.familyLevel = familyLevel;
        }

        public List<AuditFamily> families() {
            return List.copyOf(families.keySet());
        }

        /** The total level alpha. */
        public double significance() {
            return significance;
        }

        /** Each family's level, alpha / families. */
        public double familyLevel() {
            return familyLevel;
        }

        /** Every family on one pair of supplied samples (rows and outputs); verdicts by family id, report order. */
        public Map<String, AuditVerdict> run(double[][] s0, double[][] s1, double[] y0, double[] y1, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            Map<String, AuditVerdict> out = new LinkedHashMap<>();
            for (AuditFamily f : families.keySet()) {
                out.put(f.id(), run(f, s0, s1, y0, y1, rng.split()));
            }
            return out;
        }

        /** One family on one pair of supplied samples. */
        public AuditVerdict run(AuditFamily family, double[][] s0, double[][] s1, double[] y0, double[] y1,
                                SplittableRandom rng) {
            Families.Prepared f = families.get(family);
            if (f == null) {
                throw new IllegalArgumentException("family " + family + " was not prepared; prepared: "
                        + families.keySet());
            }
            check("S_0'", s0, y0, m0);
            check("S_1'", s1, y1, m1);
            return f.audit(s0, s1, y0, y1, rng);
        }

        private void check(String name, double[][] rows, double[] outputs, int m) {
            Kernels.checkRows("supplied sample " + name, rows);
            if (rows.length != m) {
                throw new IllegalArgumentException("the audit was prepared for samples " + name + " of " + m
                        + " rows, got " + rows.length);
            }
            if (rows[0].length != width) {
                throw new IllegalArgumentException("the supplied sample " + name + " has " + rows[0].length
                        + " features, the groups " + width);
            }
            if (outputs == null || outputs.length != rows.length) {
                throw new IllegalArgumentException("the supplied sample " + name + " has " + rows.length + " rows but "
                        + (outputs == null ? "no" : String.valueOf(outputs.length)) + " outputs");
            }
        }
    }

    /** The verdict of each family, in report order. */
    public record Report(Map<String, AuditVerdict> families) implements Tabular {
        public Report {
            families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
        }

        public AuditVerdict family(String name) {
            AuditVerdict v = families.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no family " + name + " in " + families.keySet());
            }
            return v;
        }

        /** Whether any family detected the samples (false-positive rate at most the total alpha). */
        public boolean detected() {
            return families.values().stream().anyMatch(AuditVerdict::detected);
        }

        /** One row per test: family, then the verdict's columns. */
        @Override
        public Table toTable() {
            Table out = null;
            for (var e : families.entrySet()) {
                Table t = e.getValue().toTable();
                t.insertColumn(0, StringColumn.create("family", Collections.nCopies(t.rowCount(), e.getKey())));
                out = out == null ? t : out.append(t);
            }
            return out.setName("full audit");
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            families.forEach((family, v) -> {
                sb.append(String.format(Locale.ROOT, "%-10s %s%n", family, v.detected() ? "DETECTED" : "passes"));
                v.rejected().stream().limit(4).forEach(t -> sb.append(String.format(Locale.ROOT,
                        "    %-24s statistic %8.3f  p = %.2g  (level %.4f)%n", t.name(), t.statistic(), t.pValue(),
                        t.level())));
            });
            return sb.toString();
        }
    }

    private AuditSetting setting() {
        return auditor.setting().orElseThrow(() -> new IllegalStateException(
                "this auditor has no audit setting: build it with Auditor.of(model, setting)"));
    }

    /** This audit with the setting's categorical mask and names, unless a feature audit was set. */
    FullAudit withFeatureDefaults(AuditSetting setting) {
        return bySetting(setting);
    }

    private FullAudit bySetting(AuditSetting setting) {
        return custom ? this : withFeatureAudit(FeatureAudit.of(setting));
    }

    private static void checkGroups(Sample s0, Sample s1) {
        if (s0.group() != Group.FOREGROUND || s1.group() != Group.BACKGROUND) {
            throw new IllegalArgumentException("run(S_0', S_1') takes a sample of D_0 then one of D_1, got "
                    + s0.group().symbol() + " and " + s1.group().symbol());
        }
    }
}
