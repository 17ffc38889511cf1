package org.foolshap.model;

import java.util.Arrays;

/** Classification metrics on explained outputs. All O(n log n) or better. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * Area under the ROC curve: the probability that a random positive scores above a random negative, ties
     * counting one half (Mann-Whitney U with mid-ranks). Needs both classes.
     */
    public static double auc(double[] scores, int[] y) {
        check(scores, y);
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("AUC needs both classes; got " + pos + " positives and " + neg + " negatives");
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Share of rows where (score &gt; threshold) equals the label. */
    public static double accuracy(double[] scores, int[] y, double threshold) {
        check(scores, y);
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            if ((scores[i] > threshold ? 1 : 0) == y[i]) {
                right++;
            }
        }
        return (double) right / y.length;
    }

    /** Mean of the values (NaN for none). */
    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static void check(double[] scores, int[] y) {
        if (scores.length != y.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + y.length + " labels");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no rows to score");
        }
    }
}
