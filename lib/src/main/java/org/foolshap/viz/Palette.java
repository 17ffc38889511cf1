package org.foolshap.viz;

import java.awt.Color;
import java.util.Locale;

/**
 * The one set of colours every figure uses, so that "honest", "manipulated", the sensitive feature, the two
 * groups and the three attack methods look the same in every chart of a notebook. Based on the
 * colour-blind-safe Okabe-Ito and Tableau palettes.
 */
public final class Palette {
    /** Attributions with the honest (original) background; also the detection-rate curve. */
    public static final Color HONEST = new Color(0x0072B2);
    /** Attributions with the manipulated background S_1'; also Fool SHAP and the chosen lambda. */
    public static final Color MANIPULATED = new Color(0xE69F00);
    /** The sensitive feature (its curve and the band that highlights its row). */
    public static final Color SENSITIVE = new Color(0xD62728);
    /** The protected group D_0 / S_0' (foreground). */
    public static final Color GROUP0 = new Color(0x8E44AD);
    /** The other group D_1 / S_1' (background). */
    public static final Color GROUP1 = new Color(0x009E73);
    /** Reference lines: zero, alpha. */
    public static final Color REFERENCE = new Color(0x444444);
    /** Grid lines. */
    public static final Color GRID = new Color(0xE3E3E3);
    public static final Color BRUTE_FORCE = new Color(0x7F7F7F);
    public static final Color GENETIC = new Color(0x56B4E9);
    public static final Color FOOL_SHAP = MANIPULATED;
    /** A SHAP value that raises the output (Python shap's red); also the high end of the feature-value gradient. */
    public static final Color RAISES = new Color(0xFF0051);
    /** A SHAP value that lowers the output (Python shap's blue); also the low end of the feature-value gradient. */
    public static final Color LOWERS = new Color(0x008BFB);

    /** Colours of categorical levels (beeswarm, dependence): distinct from the blue-red value gradient. */
    private static final Color[] LEVELS = {
        new Color(0x2CA02C), new Color(0xFF7F0E), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2),
        new Color(0x17BECF), new Color(0xBCBD22), new Color(0x393B79), new Color(0x7F7F7F), new Color(0x637939),
    };

    /** Distinct colours for other series (features, unknown methods), without the sensitive red. */
    private static final Color[] CYCLE = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0x9467BD), new Color(0x8C564B),
        new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF), new Color(0x393B79),
        new Color(0xAD494A), new Color(0x637939),
    };

    private Palette() {
    }

    /** The i-th colour of the cycle used for non-sensitive features; repeats after 12. */
    public static Color cycle(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }

    /** Colour of an attack method by name: brute force, genetic, Fool SHAP; others from the cycle. */
    public static Color method(String name, int index) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (n.contains("brute")) {
            return BRUTE_FORCE;
        }
        if (n.contains("genetic")) {
            return GENETIC;
        }
        if (n.contains("fool")) {
            return FOOL_SHAP;
        }
        return cycle(index);
    }

    /**
     * Python shap's feature-value colour map: {@link #LOWERS} at t = 0 through purple to {@link #RAISES} at t = 1
     * (t clipped to [0, 1]), linear in RGB.
     */
    public static Color gradient(double t) {
        double u = Double.isNaN(t) ? 0.5 : Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(LOWERS.getRed() + u * (RAISES.getRed() - LOWERS.getRed())),
                (int) Math.round(LOWERS.getGreen() + u * (RAISES.getGreen() - LOWERS.getGreen())),
                (int) Math.round(LOWERS.getBlue() + u * (RAISES.getBlue() - LOWERS.getBlue())));
    }

    /** The colour of the k-th level of a categorical feature; repeats after 10. */
    public static Color level(int k) {
        return LEVELS[Math.floorMod(k, LEVELS.length)];
    }

    /** The same colour with the given opacity (0-255), for bands and fills. */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
