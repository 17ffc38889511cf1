package org.foolshap.shap;

/**
 * Open-addressing map from non-negative long keys to long values, key and value side by side in one array so a
 * look-up touches one cache line; no boxing on the TreeSHAP hot path. {@link #get} returns -1 for a missing key.
 */
final class LongLongMap {
    private long[] slots = new long[16];
    private int size;

    LongLongMap() {
        java.util.Arrays.fill(slots, -1L);
    }

    int size() {
        return size;
    }

    long get(long key) {
        long[] s = slots;
        int mask = (s.length >>> 1) - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = s[2 * i];
            if (k == key) {
                return s[2 * i + 1];
            }
            if (k == -1L) {
                return -1L;
            }
        }
    }

    void put(long key, long value) {
        if (2 * (size + 1) > slots.length >>> 1) {
            grow();
        }
        int mask = (slots.length >>> 1) - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (slots[2 * i] == -1L) {
                slots[2 * i] = key;
                slots[2 * i + 1] = value;
                size++;
                return;
            }
            if (slots[2 * i] == key) {
                slots[2 * i + 1] = value;
                return;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        java.util.Arrays.fill(slots, -1L);
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != -1L) {
                put(old[i], old[i + 1]);
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
