package org.foolshap.spark;

import java.io.Serializable;

/**
 * One partition of a table encoded into model rows: its row ids and rows, in the partition's order.
 *
 * @param ids  row ids (the table's row id column, or 0-based positions in the file)
 * @param rows model rows, one per id
 */
public record EncodedPart(long[] ids, double[][] rows) implements Serializable {
    public int size() {
        return ids.length;
    }
}
