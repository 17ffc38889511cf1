package org.foolshap.commitment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.Table;

/**
 * The company's side of the protocol: a table (as read by the workbench's CSV reader), optionally the model's output
 * on every row, encoded row by row ({@link RowEncoding}) into the leaves of a {@link MerkleTree}. It gives the
 * {@link Commitment} to publish and, later, the {@link Reveal} answering a {@link DrawRequest}. Building it costs one
 * pass over the table and 2n SHA-256 hashes (well under a second for Adult's 48,842 rows). Immutable.
 */
public final class CommittedTable {
    private final Schema schema;
    private final List<List<Object>> values;
    private final long[][] ranks;
    private final double[] outputs;
    private final String modelSha256;
    private final Map<String, Map<String, Long>> counts;
    private final MerkleTree tree;

    private CommittedTable(Schema schema, List<List<Object>> values, long[][] ranks, double[] outputs,
                           String modelSha256, Map<String, Map<String, Long>> counts, MerkleTree tree) {
        this.schema = schema;
        this.values = values;
        this.ranks = ranks;
        this.outputs = outputs;
        this.modelSha256 = modelSha256;
        this.counts = counts;
        this.tree = tree;
    }

    /**
     * @param groups      the group columns (text or integer, no missing values), or null for every text column
     * @param outputs     the model's output on every row, or null to bind no model
     * @param modelSha256 the SHA-256 of the model file (64 hex digits) when {@code outputs} are given
     */
    public static CommittedTable of(Table table, List<String> groups, double[] outputs, String modelSha256) {
        int n = table.rowCount();
        if (n == 0) {
            throw new IllegalArgumentException("table " + table.name() + " has no rows to commit to");
        }
        if ((outputs == null) != (modelSha256 == null)) {
            throw new IllegalArgumentException("give both the outputs and the model's hash, or neither");
        }
        if (outputs != null && outputs.length != n) {
            throw new IllegalArgumentException(outputs.length + " outputs for " + n + " rows");
        }
        Schema schema = Schema.of(table, groups);
        List<List<Object>> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>(schema.columns().size());
            for (Schema.ColumnSpec c : schema.columns()) {
                row.add(value(table.column(c.name()), c.type(), i));
            }
            values.add(row);
        }
        List<String> g = schema.groupColumns();
        long[][] ranks = new long[n][g.size()];
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (int k = 0; k < g.size(); k++) {
            int j = schema.index(g.get(k));
            Map<String, Long> seen = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Object v = values.get(i).get(j);
                if (v == null) {
                    throw new IllegalArgumentException("group column " + g.get(k) + " has a missing value at line "
                            + (i + 2) + "; a group column needs a level on every row");
                }
                String level = RowEncoding.level(v);
                long r = seen.getOrDefault(level, 0L);
                ranks[i][k] = r;
                seen.put(level, r + 1);
            }
            counts.put(g.get(k), new TreeMap<>(seen));
        }
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Double out = outputs == null ? null : outputs[i];
            if (out != null && !Double.isFinite(out)) {
                throw new IllegalArgumentException("the model's output on line " + (i + 2) + " is " + out
                        + "; outputs must be finite");
            }
            leaves.add(MerkleTree.leafHash(RowEncoding.encode(schema, i, values.get(i), ranks[i], out)));
        }
        return new CommittedTable(schema, values, ranks, outputs == null ? null : outputs.clone(), modelSha256, counts,
                MerkleTree.of(leaves));
    }

    private static Object value(Column<?> c, Schema.Type type, int i) {
        if (c.isMissing(i)) {
            return null;
        }
        return switch (type) {
            case INTEGER, LONG -> (long) ((NumericColumn<?>) c).getDouble(i);
            case DOUBLE -> {
                double d = ((NumericColumn<?>) c).getDouble(i);
                yield d == 0 ? 0.0 : d;
            }
            case TEXT -> c.getString(i);
        };
    }

    public Schema schema() {
        return schema;
    }

    public int rows() {
        return values.size();
    }

    /** The commitment to publish before the audit. */
    public Commitment commitment() {
        return new Commitment(Sha256.hex(tree.root()), values.size(), schema, counts, modelSha256);
    }

    /**
     * The rows a request asks for, with their proofs; an error when the request was drawn for another commitment
     * (e.g. other data, or another model's outputs).
     */
    public Reveal reveal(DrawRequest request) {
        Commitment c = commitment();
        if (!request.root().equals(c.root())) {
            throw new IllegalArgumentException("the request was drawn for the commitment with root " + request.root()
                    + ", but these data" + (modelSha256 == null ? "" : " and model") + " give root " + c.root());
        }
        long[] positions = request.positions();
        long[] index = new long[positions.length];
        if (request.group() == null) {
            for (int p = 0; p < positions.length; p++) {
                if (positions[p] < 0 || positions[p] >= values.size()) {
                    throw new IllegalArgumentException("the request asks for row " + positions[p] + " of a table of "
                            + values.size() + " rows");
                }
            }
            index = positions;
        } else {
            String column = request.group().column();
            c.groupSize(column, request.group().value()); // an error naming the group columns and levels
            int k = schema.groupColumns().indexOf(column);
            int j = schema.index(column);
            Map<Long, Integer> byRank = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                if (RowEncoding.level(values.get(i).get(j)).equals(request.group().value())) {
                    byRank.put(ranks[i][k], i);
                }
            }
            for (int p = 0; p < positions.length; p++) {
                Integer i = byRank.get(positions[p]);
                if (i == null) {
                    throw new IllegalArgumentException("the request asks for rank " + positions[p] + " of "
                            + column + " = " + request.group().value() + ", which has " + byRank.size() + " rows");
                }
                index[p] = i;
            }
        }
        return answer(positions, index);
    }

    /**
     * What a company that hands over rows of its own choosing (e.g. Fool SHAP's reweighted S_1') can at best send in
     * answer to a request: the committed rows at {@code indices}, true values, outputs and valid inclusion proofs,
     * labelled with the request's positions. {@link Verifier} rejects it at the first row that is not the drawn one
     * (its index or its rank in the group is not the position drawn from the seed), which is the point of the
     * protocol; the method exists to show that, in tests and tutorials.
     *
     * @param indices 0-based row indices in the committed table, one per requested position
     */
    public Reveal revealInstead(DrawRequest request, int[] indices) {
        if (indices.length != request.positions().length) {
            throw new IllegalArgumentException(indices.length + " rows offered for a request of "
                    + request.positions().length);
        }
        long[] index = new long[indices.length];
        for (int p = 0; p < indices.length; p++) {
            if (indices[p] < 0 || indices[p] >= values.size()) {
                throw new IllegalArgumentException("row " + indices[p] + " is not in the committed table of "
                        + values.size() + " rows");
            }
            index[p] = indices[p];
        }
        return answer(request.positions(), index);
    }

    private Reveal answer(long[] positions, long[] index) {
        List<RevealedRow> rows = new ArrayList<>(positions.length);
        for (int p = 0; p < positions.length; p++) {
            int i = Math.toIntExact(index[p]);
            rows.add(new RevealedRow(positions[p], i, values.get(i), ranks[i], outputs == null ? null : outputs[i],
                    tree.proof(i)));
        }
        return new Reveal(commitment().root(), rows);
    }
}
