package org.foolshap.commitment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One revealed row: the requested position it answers, its index (id) in the committed table, its values, its
 * ranks within its levels of the group columns, the committed model output, and its inclusion proof.
 *
 * @param values one per column (Long, Double, String, or null when missing), in the schema's order
 * @param output the committed model output, or null when the commitment binds no model
 * @param proof  sibling hashes from the leaf up ({@link MerkleTree#proof})
 */
public record RevealedRow(long position, long index, List<Object> values, long[] ranks, Double output,
                          List<byte[]> proof) {
    public RevealedRow {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        ranks = ranks.clone();
        List<byte[]> p = new ArrayList<>();
        for (byte[] h : proof) {
            p.add(h.clone());
        }
        proof = Collections.unmodifiableList(p);
    }

    @Override
    public long[] ranks() {
        return ranks.clone();
    }

    /** The leaf bytes this row encodes to under {@code schema}. */
    byte[] leaf(Schema schema) {
        return RowEncoding.encode(schema, index, values, ranks, output);
    }
}
