/**
 * Cell evaluation with an in-process JShell: splitting cells into snippets, keeping real result objects,
 * interrupting, and turning failures into Jupyter-ready {@link org.foolshap.kernel.eval.CellError}s.
 */
package org.foolshap.kernel.eval;
