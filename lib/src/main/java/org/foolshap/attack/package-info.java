/**
 * The Fool SHAP attack (Laberge et al., ICLR 2023, "Fool SHAP with Stealthily Biased Sampling"): reweight the
 * background so the sensitive feature's global SHAP value shrinks while an auditor who sees only model outputs does
 * not notice. Entry point {@link org.foolshap.attack.FoolShap}; parts: {@link org.foolshap.attack.FoolShapWeights}
 * (exact O(N log N) weights), {@link org.foolshap.attack.CappedWeights}, {@link org.foolshap.attack.StealthySampler},
 * {@link org.foolshap.attack.LambdaSweep}, the baselines {@link org.foolshap.attack.BruteForce} and
 * {@link org.foolshap.attack.GeneticAttack}, and {@link org.foolshap.attack.ManipulabilityInterval} (which runs the
 * attack both ways, so it lives here although it serves auditors). Depends on {@code org.foolshap.audit}, never the
 * other way round.
 */
package org.foolshap.attack;
