package org.foolshap.attack;

/** Indices sorted by a double key, ties by index: a stable merge sort on primitives (no boxing, O(N log N)). */
final class IndexSort {
    private IndexSort() {
    }

    static int[] ascending(double[] key) {
        int n = key.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        // Bottom-up merge sort; insertion sort on runs of 16 first.
        for (int lo = 0; lo < n; lo += 16) {
            int hi = Math.min(n, lo + 16);
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int k = i - 1;
                while (k >= lo && key[a[k]] > key[v]) {
                    a[k + 1] = a[k];
                    k--;
                }
                a[k + 1] = v;
            }
        }
        for (int width = 16; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
