/**
 * Figures of the Fool SHAP story (Laberge et al., ICLR 2023), drawn with XChart: attributions before and
 * after the manipulation with confidence intervals, the CDFs the auditor compares, the lambda sweep and its
 * detection rate, output histograms by group and the comparison of attack methods (the paper's Figure 5); Python
 * shap's bar, beeswarm, waterfall and dependence plots of per-row explanations; group fairness rates.
 *
 * <p>{@link org.foolshap.viz.Figures} is the entry point: one static call per figure, returning an XChart
 * chart, and helpers to PNG, SVG, PNG bytes and {@link java.awt.image.BufferedImage}. Figures take the result
 * objects (which carry names, groups and the output scale), with a lower tier of plain arrays;
 * {@link org.foolshap.viz.Palette} holds the colours shared by all of them.
 *
 * <p>{@link org.foolshap.viz.Notebook#init()} makes charts, tables and results render richly, and long work show a
 * live progress line, on any Java Jupyter kernel (this workbench's or genuine IJava), found by reflection.
 */
package org.foolshap.viz;
