package org.foolshap.spark;

import java.io.Serializable;

/**
 * The coefficients of one background partition: C[j][i] = Phi_i(f, S_0, z_j) and f(z_j) for each of its rows.
 *
 * @param ids     the background rows' ids
 * @param outputs f(z_j)
 * @param values  C[j][i], [row][feature]
 */
record CoefficientPart(long[] ids, double[] outputs, double[][] values) implements Serializable {
}
