package org.foolshap.commitment;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.foolshap.model.ModelFile;

/**
 * The auditor's checks of a reveal against the commitment and the request, in order, stopping at the first failure:
 * <ol>
 *   <li>the request was drawn for this commitment (root, row count, schema, model);</li>
 *   <li>its positions are the FSDRAW1 draws from its seed, group and the commitment alone ({@link DrawRequest});</li>
 *   <li>the reveal answers this commitment with exactly the requested rows, in order: each row's position is the
 *   requested one; for a group, its value in the group column is the group's and its committed rank in that column
 *   is the position, otherwise its index is the position; no index is revealed twice;</li>
 *   <li>each row's canonical encoding, with its index, ranks and output, is a leaf of the committed tree (its
 *   inclusion proof leads to the root, for the committed row count);</li>
 *   <li>with the model: the model file is the committed one (same SHA-256) and its output on each revealed row
 *   equals the committed output (within 1e-12, relative).</li>
 * </ol>
 * A failure names the row of the reveal. A row can pass only if it is the committed row at the requested place, so a
 * sample chosen by the company (e.g. Fool SHAP's reweighted S_1') cannot be supplied instead of the drawn one.
 */
public final class Verifier {
    private Verifier() {
    }

    /** Checks 1-4: proofs and positions, not the outputs. */
    public static Verification verify(Commitment c, DrawRequest r, Reveal v) {
        return verify(c, r, v, null, null);
    }

    /**
     * Checks 1-5.
     *
     * @param model        the model file, or null to skip check 5
     * @param modelSha256  the SHA-256 of the model file's bytes (64 hex digits), with {@code model}
     */
    public static Verification verify(Commitment c, DrawRequest r, Reveal v, ModelFile model, String modelSha256) {
        if (!r.root().equals(c.root()) || r.rows() != c.rows() || !r.schema().equals(c.schema())
                || !Objects.equals(r.modelSha256(), c.modelSha256())) {
            return Verification.fail(-1, "the request was drawn for another commitment (root " + r.root()
                    + ", the commitment's " + c.root() + ")");
        }
        if (r.group() != null) {
            long size;
            try {
                size = c.groupSize(r.group().column(), r.group().value());
            } catch (IllegalArgumentException e) {
                return Verification.fail(-1, "the request's group: " + e.getMessage());
            }
            if (size != r.group().size()) {
                return Verification.fail(-1, "the request says " + r.group().column() + " = " + r.group().value()
                        + " has " + r.group().size() + " rows, the commitment " + size);
            }
        }
        long[] expected;
        try {
            expected = DrawRequest.positions(c.root(), r.seed(), r.m(), r.group(), r.size());
        } catch (IllegalArgumentException e) {
            return Verification.fail(-1, "the request cannot be drawn: " + e.getMessage());
        }
        long[] asked = r.positions();
        for (int k = 0; k < expected.length; k++) {
            if (asked[k] != expected[k]) {
                return Verification.fail(k, "row " + k + " of the request: position " + asked[k] + " is not draw " + k
                        + " from seed " + r.seed() + " (that is " + expected[k] + ")");
            }
        }
        if (!v.root().equals(c.root())) {
            return Verification.fail(-1, "the reveal answers another commitment (root " + v.root() + ")");
        }
        List<RevealedRow> rows = v.rows();
        int groupColumn = r.group() == null ? -1 : c.schema().index(r.group().column());
        int groupRank = r.group() == null ? -1 : c.schema().groupColumns().indexOf(r.group().column());
        byte[] root = Sha256.parse("the root", c.root());
        Set<Long> seen = new HashSet<>();
        for (int k = 0; k < rows.size(); k++) {
            RevealedRow row = rows.get(k);
            String name = "row " + k + " of the reveal (position " + row.position() + ", index " + row.index() + ")";
            if (k >= expected.length) {
                return Verification.fail(k, name + " was not requested: the request asks for " + expected.length
                        + " rows");
            }
            if (row.position() != expected[k]) {
                return Verification.fail(k, name + ": the request asks for position " + expected[k] + " here");
            }
            if (row.index() < 0 || row.index() >= c.rows()) {
                return Verification.fail(k, name + ": the commitment has rows 0 to " + (c.rows() - 1));
            }
            if (r.group() == null) {
                if (row.index() != expected[k]) {
                    return Verification.fail(k, name + ": the request asks for the row at index " + expected[k]);
                }
            } else {
                Object value = row.values().size() > groupColumn ? row.values().get(groupColumn) : null;
                if (value == null || !RowEncoding.level(value).equals(r.group().value())) {
                    return Verification.fail(k, name + ": " + r.group().column() + " is " + value + ", not "
                            + r.group().value());
                }
                if (row.ranks().length != c.schema().groupColumns().size() || row.ranks()[groupRank] != expected[k]) {
                    return Verification.fail(k, name + ": its rank among " + r.group().column() + " = "
                            + r.group().value() + " is " + (row.ranks().length > groupRank
                            ? String.valueOf(row.ranks()[groupRank]) : "missing") + ", the request asks for rank "
                            + expected[k]);
                }
            }
            if (!seen.add(row.index())) {
                return Verification.fail(k, name + ": index " + row.index() + " was already revealed");
            }
            if (c.bindsModel() == (row.output() == null)) {
                return Verification.fail(k, name + (c.bindsModel() ? ": the committed output is missing"
                        : ": has an output, but the commitment binds no model"));
            }
            byte[] leaf;
            try {
                leaf = row.leaf(c.schema());
            } catch (IllegalArgumentException e) {
                return Verification.fail(k, name + ": " + e.getMessage());
            }
            if (!MerkleTree.verify(MerkleTree.leafHash(leaf), row.index(), c.rows(), row.proof(), root)) {
                return Verification.fail(k, name + ": its inclusion proof does not lead to the committed root");
            }
        }
        if (rows.size() < expected.length) {
            return Verification.fail(rows.size(), "row " + rows.size() + " is missing: the reveal has " + rows.size()
                    + " rows, the request asks for " + expected.length);
        }
        String what = r.m() + " rows of " + (r.group() == null ? "the table" : r.group().column() + " = "
                + r.group().value()) + " drawn from seed " + r.seed() + " match the commitment (root "
                + c.root().substring(0, 16) + "...)";
        if (model == null) {
            return Verification.ok(what + (c.bindsModel() ? "; outputs not checked (no model given)" : ""));
        }
        if (!c.bindsModel()) {
            return Verification.fail(-1, "the commitment binds no model outputs, so a model cannot be checked "
                    + "against it");
        }
        if (!c.modelSha256().equals(modelSha256)) {
            return Verification.fail(-1, "the model file is not the committed one (SHA-256 " + modelSha256
                    + ", committed " + c.modelSha256() + ")");
        }
        double[] y;
        try {
            y = model.model().outputs(model.features().encode(v.toTable(c.schema())));
        } catch (IllegalArgumentException e) {
            return Verification.fail(-1, "the model cannot score the revealed rows: " + e.getMessage());
        }
        for (int k = 0; k < rows.size(); k++) {
            double committed = rows.get(k).output();
            if (!(Math.abs(y[k] - committed) <= 1e-12 * Math.max(1, Math.abs(committed)))) {
                return Verification.fail(k, "row " + k + " of the reveal (position " + rows.get(k).position()
                        + ", index " + rows.get(k).index() + "): the model gives " + y[k] + ", the committed output is "
                        + committed);
            }
        }
        return Verification.ok(what + "; the model's outputs match");
    }
}
