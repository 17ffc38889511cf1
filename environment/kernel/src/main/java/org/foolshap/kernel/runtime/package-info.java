/**
 * What notebook cells see: {@code display}, {@code updateDisplay}, {@code html}, {@code markdown}, statically
 * imported in every session, and {@link org.foolshap.kernel.runtime.Renderers}, where libraries register how their
 * types render.
 */
package org.foolshap.kernel.runtime;
