package org.foolshap.audit;

import org.foolshap.Tabular;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import java.util.List;

/**
 * Detection rates of each audit against a family of biased samplers (one per lambda) and sample sizes M:
 * {@code rates[t][l][k]} for test {@code tests.get(t)}, lambda {@code lambdas[l]} and M = {@code ms[k]}, each over
 * {@code repeats} draws.
 */
public record PowerTable(List<String> tests, double[] lambdas, int[] ms, double[][][] rates, int repeats,
                         double significance) implements Tabular {
    public PowerTable {
        tests = List.copyOf(tests);
        lambdas = lambdas.clone();
        ms = ms.clone();
    }

    /** A table at the usual alpha = 0.05. */
    public PowerTable(List<String> tests, double[] lambdas, int[] ms, double[][][] rates, int repeats) {
        this(tests, lambdas, ms, rates, repeats, 0.05);
    }

    /** The rate of one test at a lambda index and a sample size M. */
    public double rateAt(String test, int l, int m) {
        for (int k = 0; k < ms.length; k++) {
            if (ms[k] == m) {
                return rate(test, l, k);
            }
        }
        throw new IllegalArgumentException("M = " + m + " is not in this table (" + java.util.Arrays.toString(ms) + ")");
    }

    /** Long format, one row per (test, lambda, M): test, lambda, m, detection_rate (each over {@code repeats} draws). */
    @Override
    public Table toTable() {
        StringColumn test = StringColumn.create("test");
        DoubleColumn lambda = DoubleColumn.create("lambda");
        IntColumn m = IntColumn.create("m");
        DoubleColumn rate = DoubleColumn.create("detection_rate");
        for (int t = 0; t < tests.size(); t++) {
            for (int l = 0; l < lambdas.length; l++) {
                for (int k = 0; k < ms.length; k++) {
                    test.append(tests.get(t));
                    lambda.append(lambdas[l]);
                    m.append(ms[k]);
                    rate.append(rates[t][l][k]);
                }
            }
        }
        return Table.create("detection power").addColumns(test, lambda, m, rate);
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    @Override
    public int[] ms() {
        return ms.clone();
    }

    /** The rate of one test at lambda index l and M index k. */
    public double rate(String test, int l, int k) {
        int t = tests.indexOf(test);
        if (t < 0) {
            throw new IllegalArgumentException("no test named " + test + " in " + tests);
        }
        return rates[t][l][k];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < ms.length; k++) {
            sb.append("M = ").append(ms[k]).append('\n').append(String.format("  %-22s", "lambda"));
            for (double l : lambdas) {
                sb.append(String.format(" %7.3g", l));
            }
            sb.append('\n');
            for (int t = 0; t < tests.size(); t++) {
                sb.append(String.format("  %-22s", tests.get(t)));
                for (int l = 0; l < lambdas.length; l++) {
                    sb.append(String.format(" %7.2f", rates[t][l][k]));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
