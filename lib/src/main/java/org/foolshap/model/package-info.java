/**
 * Models as SHAP sees them: a {@link org.foolshap.model.Model} maps a feature row to the explained output, whose
 * meaning ({@link org.foolshap.model.OutputScale}: a probability, or log-odds for boosted trees) travels on the model
 * and on every result computed from it. Tribuo's shape: {@link org.foolshap.model.Trainer} fits a Smile model on a
 * dataset's split, {@link org.foolshap.model.Evaluation#of} measures it on that split, and
 * {@link org.foolshap.model.Training} bundles both with a {@link org.foolshap.model.ModelFile} (the model with its
 * encoding, so commands take raw CSV rows). Tree models come back as a {@link org.foolshap.model.TreeEnsemble}, a
 * neutral read-only view extracted from Smile in one place ({@link org.foolshap.model.SmileTrees}) that reproduces
 * Smile's predictions exactly; logistic regressions and perceptrons likewise become plain weight matrices. A model
 * file is therefore data (numbers and strings, checked as they are read), never deserialized Java objects: loading
 * one from someone else cannot run code or exhaust memory.
 */
package org.foolshap.model;
