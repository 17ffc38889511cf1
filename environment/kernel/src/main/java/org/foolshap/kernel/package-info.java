/**
 * The workbench's Jupyter kernel: {@link org.foolshap.kernel.KernelMain} (entry point, start-up class path),
 * {@link org.foolshap.kernel.WorkbenchKernel} (wires evaluation, magics, display and output to the Jupyter
 * handlers). Independent of the workbench library, which is only put on the notebook class path.
 */
package org.foolshap.kernel;
