package org.foolshap.attack;

/**
 * A log-spaced grid of lambdas, 10^lo .. 10^hi in {@code steps} points (paper: 10^-0.5 .. 10^2, 20 steps).
 * Written "LO:HI:STEPS" with exponents, e.g. "-0.5:2:20".
 */
public record LambdaGrid(double lo, double hi, int steps) {
    public LambdaGrid {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new IllegalArgumentException("lambda grid exponents must be finite with LO <= HI, got " + lo + ":" + hi);
        }
        if (steps < 1 || (steps == 1 && lo != hi)) {
            throw new IllegalArgumentException("the lambda grid needs at least 1 step (2 when LO < HI), got " + steps);
        }
    }

    /**
     * 10^-0.5..10^2 in 20 steps: the official scripts' grid for Adult, the workbench's default for every
     * configuration (the scripts set one per configuration: {@code experiment.PaperGrid#officialLambdas}).
     */
    public static LambdaGrid paper() {
        return new LambdaGrid(-0.5, 2, 20);
    }

    /** Parses "LO:HI:STEPS" (base-10 exponents). */
    public static LambdaGrid parse(String spec) {
        String[] parts = spec.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("lambda grid '" + spec + "' is not LO:HI:STEPS (e.g. -0.5:2:20)");
        }
        try {
            return new LambdaGrid(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lambda grid '" + spec + "' is not LO:HI:STEPS (e.g. -0.5:2:20)", e);
        }
    }

    /** The lambdas in increasing order. */
    public double[] values() {
        double[] v = new double[steps];
        for (int k = 0; k < steps; k++) {
            v[k] = Math.pow(10, steps == 1 ? lo : lo + (hi - lo) * k / (steps - 1));
        }
        return v;
    }

    @Override
    public String toString() {
        return lo + ":" + hi + ":" + steps;
    }
}
