package org.foolshap.data;

/** Row indices of a train/test split (each sorted ascending, disjoint, together every row once). */
public record Split(int seed, int[] train, int[] test) {
    public Split {
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}
