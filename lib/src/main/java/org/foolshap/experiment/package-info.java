/**
 * The paper's experiment grid (Laberge et al., ICLR 2023, Section 5 and Figure 5): {@link
 * org.foolshap.experiment.Study} runs datasets x models x seeds through the whole protocol and appends each run to a
 * resumable {@link org.foolshap.experiment.ResultsFile}; {@link org.foolshap.experiment.Summary} turns the rows into
 * medians, the acceptance check and the Figure-5 chart. Progress and skipped datasets go to a {@link
 * org.foolshap.experiment.StudyListener}; nothing here prints.
 */
package org.foolshap.experiment;
