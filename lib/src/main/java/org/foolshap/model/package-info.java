/**
 * Models as SHAP sees them: a {@link org.foolshap.model.Model} maps a feature row to the explained output
 * (a probability, or log-odds for boosted trees). {@link org.foolshap.model.Trainer} trains Smile models;
 * tree models come back as a {@link org.foolshap.model.TreeEnsemble}, a neutral read-only view extracted from
 * Smile in one place ({@link org.foolshap.model.SmileTrees}) that reproduces Smile's predictions exactly.
 * {@link org.foolshap.model.ModelFile} saves a model with its encoding so commands take raw CSV rows.
 */
package org.foolshap.model;
