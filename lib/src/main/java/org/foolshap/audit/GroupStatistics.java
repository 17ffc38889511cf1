package org.foolshap.audit;

import java.util.List;

/**
 * Statistics of a sample of one group that the auditor holds in full, each larger when the sample looks less like
 * an honest draw. They are evaluated on supplied samples (rows and their model outputs) and on honest draws
 * (positions in the group); both paths must compute the same number for the same multiset of rows, so that the
 * Monte Carlo null ({@link MonteCarloNull}) compares like with like.
 */
interface GroupStatistics {
    /** One name per statistic, e.g. "feature age" or "AD". */
    List<String> names();

    /** The statistics of a supplied sample; {@code outputs} may be null for statistics of rows only. */
    double[] of(double[][] rows, double[] outputs);

    /** The statistics of the honest draw at these positions of the group. */
    double[] ofDraw(int[] positions);
}
