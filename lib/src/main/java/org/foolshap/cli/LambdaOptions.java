package org.foolshap.cli;

import org.foolshap.attack.LambdaGrid;
import picocli.CommandLine.Option;

/**
 * The lambda grid of attack and reproduce, in one convention: {@code --lambdas LO:HI:STEPS} takes lambda values
 * (log-spaced from LO to HI, both > 0), {@code --log10-lambdas LO:HI:STEPS} the same grid by its base-10 exponents
 * (the library's {@link LambdaGrid#parse} form). Without either, 10^-0.5 (0.316) to 100 in 20 steps: the official scripts' grid for Adult (other configurations had their own; reproduce --lambda-preset official), widened past an edge when lambda* lands on it.
 */
final class LambdaOptions {
    /** The options' help, shared with {@link StudyOptions}, which declares the same two options with an order. */
    static final String VALUES_HELP = "lambda values, log-spaced from LO to HI (both > 0) in STEPS points, e.g. "
            + "0.316:100:20 (default: 10^-0.5 = 0.316 to 100 in 20 steps, the official grid for Adult)";
    static final String EXPONENTS_HELP = "the same grid by base-10 exponents instead of values, e.g. -0.5:2:20";

    @Option(names = "--lambdas", paramLabel = "LO:HI:STEPS", description = VALUES_HELP)
    String values;

    @Option(names = "--log10-lambdas", paramLabel = "LO:HI:STEPS", description = EXPONENTS_HELP)
    String exponents;

    /** The grid given as {@code --lambdas values} or {@code --log10-lambdas exponents} (either or both null). */
    static LambdaOptions of(String values, String exponents) {
        LambdaOptions o = new LambdaOptions();
        o.values = values;
        o.exponents = exponents;
        return o;
    }

    /** The grid asked for, or a one-line error that says which convention each option takes. */
    LambdaGrid grid() {
        if (values != null && exponents != null) {
            throw new UserError("give --lambdas (values) or --log10-lambdas (exponents), not both");
        }
        if (exponents != null) {
            String[] p = parts("--log10-lambdas", exponents, "-0.5:2:20");
            try {
                return new LambdaGrid(number("--log10-lambdas", exponents, p[0]),
                        number("--log10-lambdas", exponents, p[1]), steps("--log10-lambdas", exponents, p[2]));
            } catch (IllegalArgumentException e) {
                throw new UserError("--log10-lambdas " + exponents + ": " + e.getMessage());
            }
        }
        if (values == null) {
            return LambdaGrid.paper();
        }
        String[] p = parts("--lambdas", values, "0.316:100:20");
        double lo = number("--lambdas", values, p[0]);
        double hi = number("--lambdas", values, p[1]);
        int steps = steps("--lambdas", values, p[2]);
        if (!(lo > 0) || !(hi > 0)) {
            throw new UserError("--lambdas takes lambda values, which must be > 0 (got " + values + "); for base-10 "
                    + "exponents use --log10-lambdas " + values);
        }
        if (hi < lo || steps < 1 || (steps == 1 && hi != lo)) {
            throw new UserError("--lambdas " + values + ": need LO <= HI and STEPS >= 1 (2 when LO < HI)");
        }
        return new LambdaGrid(Math.log10(lo), Math.log10(hi), steps);
    }

    /** How the grid was given, for summaries. */
    String describe() {
        return exponents != null ? "10^(" + exponents + ")" : values != null ? values : "the paper's 0.316:100:20";
    }

    private static String[] parts(String option, String spec, String example) {
        String[] p = spec.trim().split(":");
        if (p.length != 3) {
            throw new UserError(option + " '" + spec + "' is not LO:HI:STEPS, e.g. " + example);
        }
        return p;
    }

    private static double number(String option, String spec, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UserError(option + " '" + spec + "': '" + text + "' is not a finite number");
    }

    private static int steps(String option, String spec, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UserError(option + " '" + spec + "': STEPS '" + text + "' is not a whole number");
        }
    }
}
