package org.foolshap.kernel.eval;

/** The value of a cell's last expression; {@code value} may be {@code null} (the expression was null). */
public record CellValue(Object value) {
}
