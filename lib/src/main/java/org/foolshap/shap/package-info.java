/**
 * Baseline (interventional) SHAP: phi_i(f, x, z), the Shapley value of feature i in v(S) = f(x_S, z_rest) - f(z),
 * and its averages over a foreground and a background (Laberge et al., ICLR 2023, Section 2).
 *
 * <ul>
 *   <li>{@link org.foolshap.shap.Explainers} picks an {@link org.foolshap.shap.Explainer}: exact enumeration over
 *   the differing features, interventional TreeSHAP for tree ensembles, the closed form for linear models, or the
 *   permutation and KernelSHAP estimators for wide models.</li>
 *   <li>{@link org.foolshap.shap.Explainer#coefficients} gives the attack's input C[j][i] = Phi_i(f, S_0, z_j) for
 *   every background row.</li>
 *   <li>{@link org.foolshap.shap.GlobalShap} gives {@link org.foolshap.shap.Attributions}, Phi with confidence
 *   intervals derived for the two-sample U-statistic; the global figures take this one result type.</li>
 *   <li>{@link org.foolshap.shap.LocalShap} gives {@link org.foolshap.shap.Explanation}, one row of
 *   phi_i(x) = mean over the background of phi_i(f, x, z) per explained row (Python shap's {@code Explanation});
 *   its mean over the rows is the global Phi, and the viz package draws shap's bar, beeswarm, waterfall and
 *   dependence plots from it.</li>
 * </ul>
 */
package org.foolshap.shap;
