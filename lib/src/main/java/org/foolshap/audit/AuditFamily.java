package org.foolshap.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The families of tests a {@link FullAudit} can run on supplied S_0', S_1'. Each family is one decision at its level,
 * with its own multiplicity correction inside; a full audit splits its total alpha equally between the families it
 * runs (Bonferroni). The Monte Carlo families compare each supplied sample with its whole group, which the auditor
 * holds: B honest draws of the group give an exact null (see {@link MonteCarloNull}).
 */
public enum AuditFamily {
    /** The paper's six output tests (two KS at alpha/8 and a Wald test at alpha/4 per group; {@link Auditor}). */
    PAPER("paper", "the paper's KS and Wald tests on the outputs"),
    /** The duplicate-rows test on each sample ({@link DuplicateTest}), alpha/2 each. */
    DUPLICATES("duplicates", "duplicate rows in each sample"),
    /** Per-feature distances to the group (KS numeric, X^2 categorical), Monte Carlo, max-T over both samples. */
    FEATURES("features", "each feature against its group (KS / chi-square, Monte Carlo)"),
    /** Anderson-Darling and Cramer-von Mises distances of f(S') to f(D), Monte Carlo, max-T over both samples. */
    OUTPUTS("outputs", "Anderson-Darling and Cramer-von Mises of the outputs against f(D), Monte Carlo"),
    /** Gaussian-kernel MMD^2 of embedded rows against a reference of the group, Monte Carlo over both samples. */
    MMD("mmd", "kernel MMD of the rows against the group, Monte Carlo"),
    /** Energy distance of embedded rows against a reference of the group, Monte Carlo over both samples. */
    ENERGY("energy", "energy distance of the rows against the group, Monte Carlo"),
    /** Cross-validated logistic regression telling S' from a fresh uniform sample of D ({@link ClassifierTest}). */
    CLASSIFIER("classifier", "a classifier telling each sample from a fresh uniform sample of its group");

    private final String id;
    private final String description;

    AuditFamily(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name in reports and on the command line, e.g. "mmd". */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Every family, in report order. */
    public static List<AuditFamily> all() {
        return List.of(values());
    }

    /** A family by its id (case-insensitive), or an error listing the ids. */
    public static AuditFamily parse(String id) {
        for (AuditFamily f : values()) {
            if (f.id.equalsIgnoreCase(id.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown test family '" + id + "'; known: " + ids() + " or all");
    }

    /**
     * A comma-separated list of ids, or "all" for every family; duplicates are dropped and the report order kept,
     * e.g. "mmd,paper" gives [paper, mmd].
     */
    public static List<AuditFamily> parseList(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no test family given; known: " + ids() + " or all");
        }
        if (spec.strip().toLowerCase(Locale.ROOT).equals("all")) {
            return all();
        }
        boolean[] chosen = new boolean[values().length];
        for (String part : spec.split(",")) {
            chosen[parse(part).ordinal()] = true;
        }
        List<AuditFamily> out = new ArrayList<>();
        for (AuditFamily f : values()) {
            if (chosen[f.ordinal()]) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    private static String ids() {
        return Arrays.stream(values()).map(AuditFamily::id).toList().toString();
    }

    @Override
    public String toString() {
        return id;
    }
}
