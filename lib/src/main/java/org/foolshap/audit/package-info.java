/**
 * Audits of supplied SHAP samples: the paper's output-only detector {@link org.foolshap.audit.Auditor} (KS and Wald
 * tests with Bonferroni, exact KS p-values with ties in {@link org.foolshap.audit.ExactKs}), its
 * {@link org.foolshap.audit.Calibration}, and an auditor's toolkit beyond the paper:
 * {@link org.foolshap.audit.DuplicateTest}, {@link org.foolshap.audit.FeatureAudit} and
 * {@link org.foolshap.audit.DetectionPower}. Independent of the attack package: it takes outputs, rows and weights.
 */
package org.foolshap.audit;
