/**
 * Audits of supplied SHAP samples. The paper's output-only detector {@link org.foolshap.audit.Auditor} (KS and Wald
 * tests with Bonferroni, exact KS p-values with ties in {@link org.foolshap.audit.ExactKs}) and its
 * {@link org.foolshap.audit.Calibration}; and an auditor's toolkit beyond the paper, run together by
 * {@link org.foolshap.audit.FullAudit} in families ({@link org.foolshap.audit.AuditFamily}) with alpha split between
 * them:
 * <ul>
 *   <li>two-sample test objects, immutable, seeds passed in, each returning a {@link org.foolshap.audit.TestResult}:
 *   {@link org.foolshap.audit.MmdTest} and {@link org.foolshap.audit.EnergyTest} (permutation p-values, exact when
 *   the splits are enumerated), {@link org.foolshap.audit.ClassifierTest} (held-out accuracy, exact hypergeometric
 *   p-value), {@link org.foolshap.audit.EdfTest} (Anderson-Darling, Cramer-von Mises, KS; two-sample by
 *   permutation, one-sample against an {@link org.foolshap.audit.EmpiricalDistribution} by Monte Carlo);</li>
 *   <li>tests against the group itself, which the auditor holds: {@link org.foolshap.audit.FeatureAudit} and the
 *   output, MMD and energy families draw their null from honest samples of the group (exact Monte Carlo p-values,
 *   max-T across statistics), so no audit depends on one lucky or unlucky reference subsample;</li>
 *   <li>{@link org.foolshap.audit.DuplicateTest}, and {@link org.foolshap.audit.DetectionPower} and
 *   {@link org.foolshap.audit.FamilyRates} to measure which family catches which attack, and how often each flags
 *   honest samples. Rows become points for the multivariate tests through {@link org.foolshap.audit.Embedding}.</li>
 * </ul>
 * Independent of the attack package: it takes outputs, rows and weights. Measured figures and a recommended battery:
 * docs/AUDITING.md.
 */
package org.foolshap.audit;
