package org.foolshap.data;

/** The two groups of an audit (paper, Section 3): D_0, the protected group, and D_1, everyone else. */
public enum Group {
    /** D_0: rows whose sensitive attribute has the protected value (e.g. women); SHAP's foreground. */
    FOREGROUND("D_0"),
    /** D_1: every other row (e.g. men); SHAP's background, the data the attack reweights. */
    BACKGROUND("D_1");

    private final String symbol;

    Group(String symbol) {
        this.symbol = symbol;
    }

    /** The paper's name, D_0 or D_1. */
    public String symbol() {
        return symbol;
    }
}
