package org.foolshap.audit;

import java.util.Arrays;
import java.util.List;

/**
 * The Anderson-Darling and Cramer-von Mises distances of a sample's model outputs f(S') to the group's outputs f(D),
 * which the auditor holds in full ({@link EdfTest}, one-sample form against the {@link EmpiricalDistribution} of
 * f(D)). Anderson-Darling weighs the tails, where a reweighted background differs most.
 */
final class OutputStatistics implements GroupStatistics {
    private static final List<String> NAMES = List.of("AD", "CvM");

    private final double[] outputs;
    private final EmpiricalDistribution population;

    OutputStatistics(double[] groupOutputs) {
        this.outputs = groupOutputs.clone();
        this.population = EmpiricalDistribution.of(groupOutputs);
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public double[] of(double[][] rows, double[] sampleOutputs) {
        if (sampleOutputs == null) {
            throw new IllegalArgumentException("the output tests need the supplied sample's outputs");
        }
        return statistics(sampleOutputs.clone());
    }

    @Override
    public double[] ofDraw(int[] positions) {
        double[] v = new double[positions.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = outputs[positions[i]];
        }
        return statistics(v);
    }

    private double[] statistics(double[] values) {
        Arrays.sort(values);
        return new double[] {EdfTest.oneSample(EdfTest.Kind.ANDERSON_DARLING, values, population),
                EdfTest.oneSample(EdfTest.Kind.CRAMER_VON_MISES, values, population)};
    }
}
