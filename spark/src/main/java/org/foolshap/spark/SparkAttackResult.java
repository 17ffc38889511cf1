package org.foolshap.spark;

import org.foolshap.attack.AttackResult;

/**
 * The library's attack result on a Spark background, with the background's row ids: position j of the result's
 * samples is row id {@code ids[j]}.
 *
 * @param result the library's result (samples as positions in row id order)
 * @param ids    the background's row ids, ascending
 */
public record SparkAttackResult(AttackResult result, long[] ids) {
    /** Row ids of S_1', the biased sample shown to the auditor. */
    public long[] s1RowIds() {
        return pick(result.s1());
    }

    /** Row ids of the honest uniform sample the "before" attribution used. */
    public long[] honestRowIds() {
        return pick(result.honestS1());
    }

    /** The chosen lambda*. */
    public double lambda() {
        return result.lambda();
    }

    private long[] pick(int[] positions) {
        long[] out = new long[positions.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = ids[positions[k]];
        }
        return out;
    }

    @Override
    public String toString() {
        return result + " (background of " + ids.length + " rows on Spark)";
    }
}
