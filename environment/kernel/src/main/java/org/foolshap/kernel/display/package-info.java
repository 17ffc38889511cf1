/**
 * Values to MIME bundles: images, XChart charts and Tablesaw tables (reflectively, no compile-time dependency),
 * objects with {@code toHtml()}, plain text.
 */
package org.foolshap.kernel.display;
