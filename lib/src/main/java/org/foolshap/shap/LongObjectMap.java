package org.foolshap.shap;

/** Open-addressing map from non-negative long keys to double[] values; no boxing on the TreeSHAP hot path. */
final class LongObjectMap {
    private long[] keys = new long[8];
    private double[][] values = new double[8][];
    private int size;

    LongObjectMap() {
        java.util.Arrays.fill(keys, -1L);
    }

    double[] get(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
            if (keys[i] == -1L) {
                return null;
            }
        }
    }

    void put(long key, double[] value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == -1L) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        double[][] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new double[oldKeys.length * 2][];
        java.util.Arrays.fill(keys, -1L);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1L) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
