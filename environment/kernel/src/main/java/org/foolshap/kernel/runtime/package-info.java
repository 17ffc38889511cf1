/** What notebook cells see: {@code display}, {@code html}, {@code markdown}, statically imported in every session. */
package org.foolshap.kernel.runtime;
