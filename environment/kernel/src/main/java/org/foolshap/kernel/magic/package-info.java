/** IJava-compatible magics: {@code %jars}, {@code %classpath}, {@code %maven}, {@code %%html}, {@code %%markdown}. */
package org.foolshap.kernel.magic;
