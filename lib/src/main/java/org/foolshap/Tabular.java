package org.foolshap;

import tech.tablesaw.api.Table;

/**
 * A result that reads as a table: every result a notebook shows (attributions, sweeps, verdicts, attacks,
 * calibration and power) implements it, so Tablesaw can filter and print it and a kernel can render it as HTML.
 */
public interface Tabular {
    /** A new Tablesaw table of this result, named after it; the result itself is not changed. */
    Table toTable();
}
