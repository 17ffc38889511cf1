package org.foolshap.audit;

/**
 * What the auditor holds about one group: the model outputs f(D) on the whole group, with their mean and population
 * standard deviation (numpy's ddof = 0, as in the paper's Wald statistic).
 */
record Population(String name, double[] outputs, double mean, double sd) {
    static Population of(String name, double[] outputs) {
        if (outputs == null || outputs.length == 0) {
            throw new IllegalArgumentException("the outputs of " + name + " are empty");
        }
        double s = 0;
        for (int i = 0; i < outputs.length; i++) {
            if (!Double.isFinite(outputs[i])) {
                throw new IllegalArgumentException("the outputs of " + name + " have " + outputs[i] + " at row " + i);
            }
            s += outputs[i];
        }
        double mean = s / outputs.length;
        double ss = 0;
        for (double v : outputs) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / outputs.length);
        if (!(sd > 0)) {
            throw new IllegalArgumentException("the model outputs are constant (" + outputs[0] + ") on " + name
                    + ": there is nothing to audit or attack");
        }
        return new Population(name, outputs.clone(), mean, sd);
    }

    int size() {
        return outputs.length;
    }
}
