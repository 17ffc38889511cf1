package org.foolshap.model;

import smile.classification.Classifier;

/** A Smile classifier on dense encoded inputs (logistic regression, perceptron): explains P(class 1 | x). */
final class SmileDenseModel implements Model {
    private final int width;
    private final DenseEncoding encoding;
    private final Classifier<double[]> classifier;
    private final boolean threadSafe;

    SmileDenseModel(int width, DenseEncoding encoding, Classifier<double[]> classifier, boolean threadSafe) {
        this.width = width;
        this.encoding = encoding;
        this.classifier = classifier;
        this.threadSafe = threadSafe;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public double output(double[] row) {
        double[] x = encoding.encode(row);
        double[] p = new double[2];
        if (threadSafe) {
            classifier.predict(x, p);
        } else {
            // Smile's perceptron keeps its layer outputs in the network object.
            synchronized (classifier) {
                classifier.predict(x, p);
            }
        }
        return p[1];
    }
}
