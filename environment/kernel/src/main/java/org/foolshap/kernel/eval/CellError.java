package org.foolshap.kernel.eval;

import java.util.List;

/**
 * Why a cell failed, already formatted for Jupyter's error message: {@code ename} (the exception class, or
 * {@code CompileError} / {@code Interrupted}), {@code evalue} (its message) and the traceback lines (the user's
 * frames only, or the offending source line with a caret under it).
 */
public final class CellError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String ename;
    private final String evalue;
    private final List<String> traceback;

    public CellError(String ename, String evalue, List<String> traceback) {
        super(ename + ": " + evalue, null, false, false);
        this.ename = ename;
        this.evalue = evalue == null ? "" : evalue;
        this.traceback = List.copyOf(traceback);
    }

    public String ename() {
        return ename;
    }

    public String evalue() {
        return evalue;
    }

    public List<String> traceback() {
        return traceback;
    }
}
