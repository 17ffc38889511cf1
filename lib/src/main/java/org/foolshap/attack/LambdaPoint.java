package org.foolshap.attack;

/**
 * The sweep at one lambda: the optimal weights, and over R biased draws of S_1' the mean and standard deviation of
 * the manipulated attributions of every feature, the mean target (the attacked coefficient, Phi_s for one sensitive
 * feature) and how often the auditor flagged the draw.
 */
public record LambdaPoint(double lambda, Weights weights, double[] meanPhi, double[] sdPhi, double meanTarget,
                          int detections, int repeats) {
    public LambdaPoint {
        meanPhi = meanPhi.clone();
        sdPhi = sdPhi.clone();
    }

    @Override
    public double[] meanPhi() {
        return meanPhi.clone();
    }

    @Override
    public double[] sdPhi() {
        return sdPhi.clone();
    }

    /** Fraction of the R draws the auditor detected. */
    public double detectionRate() {
        return detections / (double) repeats;
    }
}
