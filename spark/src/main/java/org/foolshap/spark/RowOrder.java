package org.foolshap.spark;

import java.util.Arrays;

/** Row order by id, the order of every result collected to the driver (and of the library's tables). */
final class RowOrder {
    private RowOrder() {
    }

    /** Positions sorted by id; two equal ids are an error naming the id (a row id must identify one row). */
    static Integer[] byId(long[] ids) {
        Integer[] order = new Integer[ids.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        for (int j = 1; j < order.length; j++) {
            if (ids[order[j]] == ids[order[j - 1]]) {
                throw new IllegalArgumentException("row id " + ids[order[j]] + " appears on two rows; row ids must be "
                        + "unique");
            }
        }
        return order;
    }
}
