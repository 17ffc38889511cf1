/**
 * The paper's experiment grid (Laberge et al., ICLR 2023, Section 5 and Figure 5): a {@link
 * org.foolshap.experiment.Study} holds datasets x models x seeds and one attack prototype (which carries the audit
 * {@link org.foolshap.audit.Protocol}); it first makes a {@link org.foolshap.experiment.Plan} (runs to do, runs
 * resumed, skips and why) and then executes it, appending each run to a resumable {@link
 * org.foolshap.experiment.ResultsFile}; {@link org.foolshap.experiment.Summary} turns the rows into medians, the
 * acceptance check and the Figure-5 chart. Progress and skipped datasets go to a {@link
 * org.foolshap.experiment.StudyListener}; nothing here prints.
 */
package org.foolshap.experiment;
