package org.foolshap.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The paper's preprocessing of each raw dataset (the official code's {@code datasets/process.py}, re-implemented):
 * raw files in, a typed table out with the target last as 0/1. Row order is the raw order; {@link Datasets}
 * shuffles afterwards.
 */
final class Preprocess {
    private Preprocess() {
    }

    // ---------------------------------------------------------------- Adult

    private static final Map<String, String> WORKCLASS = Map.of(
            "Federal-gov", "Government", "State-gov", "Government", "Local-gov", "Government",
            "Self-emp-not-inc", "Self-Employed", "Self-emp-inc", "Self-Employed",
            "Without-pay", "Other/Unknown", "Never-worked", "Other/Unknown", "?", "Other/Unknown");
    private static final Map<String, String> OCCUPATION = Map.ofEntries(
            Map.entry("Adm-clerical", "White-Collar"), Map.entry("Exec-managerial", "White-Collar"),
            Map.entry("Craft-repair", "Blue-Collar"), Map.entry("Farming-fishing", "Blue-Collar"),
            Map.entry("Handlers-cleaners", "Blue-Collar"), Map.entry("Machine-op-inspct", "Blue-Collar"),
            Map.entry("Transport-moving", "Blue-Collar"), Map.entry("Other-service", "Service"),
            Map.entry("Priv-house-serv", "Service"), Map.entry("Protective-serv", "Service"),
            Map.entry("Tech-support", "Service"), Map.entry("Prof-specialty", "Professional"),
            Map.entry("Armed-Forces", "Other/Unknown"), Map.entry("?", "Other/Unknown"));
    private static final Map<String, String> MARITAL = Map.of(
            "Married-civ-spouse", "Married", "Married-AF-spouse", "Married", "Married-spouse-absent", "Married",
            "Never-married", "Single");
    private static final Map<String, String> EDUCATION = Map.of(
            "Assoc-voc", "Assoc", "Assoc-acdm", "Assoc", "Preschool", "School", "1st-4th", "School",
            "5th-6th", "School", "7th-8th", "School", "9th", "School", "10th", "School", "11th", "School",
            "12th", "School");

    /**
     * Adult = adult.data + adult.test (48,842 rows). Keeps age, workclass, education, marital-status, relationship,
     * occupation, race, gender, capital-gain, capital-loss, hours-per-week; groups workclass (Government,
     * Self-Employed, Private, Other/Unknown), occupation (White-Collar, Blue-Collar, Service, Professional,
     * Other/Unknown; Sales kept as in the official code), marital-status (Married, Single, others kept) and
     * education (School, Assoc, others kept); income = 1 when &gt;50K (adult.test's trailing '.' stripped).
     */
    static Table adult(Path dir) {
        IntColumn age = IntColumn.create("age");
        StringColumn workclass = StringColumn.create("workclass");
        StringColumn education = StringColumn.create("education");
        StringColumn marital = StringColumn.create("marital-status");
        StringColumn relationship = StringColumn.create("relationship");
        StringColumn occupation = StringColumn.create("occupation");
        StringColumn race = StringColumn.create("race");
        StringColumn gender = StringColumn.create("gender");
        IntColumn gain = IntColumn.create("capital-gain");
        IntColumn loss = IntColumn.create("capital-loss");
        IntColumn hours = IntColumn.create("hours-per-week");
        IntColumn income = IntColumn.create("income");
        for (String file : List.of("adult.data", "adult.test")) {
            List<String> lines = lines(dir.resolve(file));
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n).strip();
                if (line.isEmpty() || line.startsWith("|")) {
                    continue; // blank lines, and adult.test's "|1x3 Cross validator" header
                }
                String[] f = Arrays.stream(line.split(",")).map(String::strip).toArray(String[]::new);
                if (f.length != 15) {
                    throw new IllegalArgumentException(file + " line " + (n + 1) + " has " + f.length
                            + " fields, expected 15");
                }
                try {
                    age.append(Integer.parseInt(f[0]));
                    workclass.append(WORKCLASS.getOrDefault(f[1], f[1]));
                    education.append(EDUCATION.getOrDefault(f[3], f[3]));
                    marital.append(MARITAL.getOrDefault(f[5], f[5]));
                    occupation.append(OCCUPATION.getOrDefault(f[6], f[6]));
                    relationship.append(f[7]);
                    race.append(f[8]);
                    gender.append(f[9]);
                    gain.append(Integer.parseInt(f[10]));
                    loss.append(Integer.parseInt(f[11]));
                    hours.append(Integer.parseInt(f[12]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (n + 1) + ": " + e.getMessage());
                }
                String y = f[14].endsWith(".") ? f[14].substring(0, f[14].length() - 1) : f[14];
                switch (y) {
                    case ">50K" -> income.append(1);
                    case "<=50K" -> income.append(0);
                    default -> throw new IllegalArgumentException(file + " line " + (n + 1) + ": income '" + f[14]
                            + "' is neither >50K nor <=50K");
                }
            }
        }
        return Table.create("adult", age, workclass, education, marital, relationship, occupation, race, gender,
                gain, loss, hours, income);
    }

    // ---------------------------------------------------------------- COMPAS

    private static final List<String> COMPAS_COLUMNS = List.of("sex", "age", "race", "juv_fel_count",
            "juv_misd_count", "juv_other_count", "priors_count", "c_charge_degree");

    /**
     * COMPAS: the 9-column extract of ProPublica's two-year recidivism data (7,214 rows), restricted to
     * African-American and Caucasian defendants (6,150 rows); c_charge_degree F/M spelled Felony/Misdemeanor;
     * target low_risk = 1 - two_year_recid (derived when the file has two_year_recid instead).
     */
    static Table compas(Path dir) {
        Table raw = Csv.read(dir.resolve("compas.csv"));
        requireColumns(raw, COMPAS_COLUMNS);
        IntColumn lowRisk;
        if (raw.containsColumn("low_risk")) {
            lowRisk = raw.intColumn("low_risk").copy();
        } else if (raw.containsColumn("two_year_recid")) {
            lowRisk = IntColumn.create("low_risk");
            IntColumn recid = raw.intColumn("two_year_recid");
            for (int r = 0; r < recid.size(); r++) {
                lowRisk.append(1 - recid.getInt(r));
            }
        } else {
            throw new IllegalArgumentException("compas.csv has neither low_risk nor two_year_recid");
        }
        Table t = raw.selectColumns(COMPAS_COLUMNS.toArray(String[]::new));
        t.addColumns(lowRisk);
        StringColumn race = t.stringColumn("race");
        t = t.where(race.isEqualTo("African-American").or(race.isEqualTo("Caucasian")));
        StringColumn degree = t.stringColumn("c_charge_degree");
        StringColumn spelled = StringColumn.create("c_charge_degree");
        for (int r = 0; r < degree.size(); r++) {
            String d = degree.get(r);
            spelled.append(switch (d) {
                case "F" -> "Felony";
                case "M" -> "Misdemeanor";
                default -> d;
            });
        }
        t.replaceColumn("c_charge_degree", spelled);
        return t.setName("compas");
    }

    // ---------------------------------------------------------------- Communities and Crime

    private static final Set<String> COMMUNITIES_DROPPED = Set.of("C0", "", "communityname", "state", "fold",
            "county", "community", "racepctblack", "racePctWhite", "racePctAsian", "racePctHisp");

    /**
     * Communities and Crime (unnormalized, header "name type"): drop rows without ViolentCrimesPerPop (1,994
     * remain), then every column with a missing value; PctWhite&gt;90 = 1 when racePctWhite &gt; 90 (first
     * column); the four race-percentage columns and the id columns (communityname, state, county, community,
     * fold, row index) dropped; target LowCrime = 1 when ViolentCrimesPerPop is below its median.
     */
    static Table communities(Path dir) {
        Table raw = Csv.read(dir.resolve("communities.csv"));
        for (Column<?> c : raw.columns()) {
            String name = c.name().strip().split(" ")[0];
            c.setName(name);
        }
        requireColumns(raw, List.of("racePctWhite", "ViolentCrimesPerPop"));
        Table t = raw.where(raw.numberColumn("ViolentCrimesPerPop").isNotMissing());
        IntColumn white = IntColumn.create("PctWhite>90");
        NumericColumn<?> pct = t.numberColumn("racePctWhite");
        for (int r = 0; r < t.rowCount(); r++) {
            white.append(pct.getDouble(r) > 90 ? 1 : 0);
        }
        double[] crime = t.numberColumn("ViolentCrimesPerPop").asDoubleArray();
        double median = median(crime);
        IntColumn low = IntColumn.create("LowCrime");
        for (double v : crime) {
            low.append(v < median ? 1 : 0);
        }
        Table out = Table.create("communities", white);
        Set<String> skip = new HashSet<>(COMMUNITIES_DROPPED);
        skip.add("ViolentCrimesPerPop");
        for (Column<?> c : t.columns()) {
            if (!skip.contains(c.name()) && c.countMissing() == 0) {
                out.addColumns(c.copy());
            }
        }
        out.addColumns(low);
        return out;
    }

    // ---------------------------------------------------------------- Bank marketing

    /**
     * Bank Marketing (UCI bank-full.csv, ';'-separated): age bucketed into 'age:30-60' (30 &lt;= age &lt;= 60) and
     * 'age:not30-60'; target subscribed = 1 when y is "yes".
     */
    static Table marketing(Path dir) {
        Table raw = Csv.read(dir.resolve("bank-full.csv"), ';');
        requireColumns(raw, List.of("age", "y"));
        StringColumn age = StringColumn.create("age");
        NumericColumn<?> a = raw.numberColumn("age");
        for (int r = 0; r < a.size(); r++) {
            double v = a.getDouble(r);
            age.append(v >= 30 && v <= 60 ? "age:30-60" : "age:not30-60");
        }
        IntColumn subscribed = IntColumn.create("subscribed");
        StringColumn y = raw.stringColumn("y");
        for (int r = 0; r < y.size(); r++) {
            subscribed.append("yes".equals(y.get(r)) ? 1 : 0);
        }
        Table t = raw.copy();
        t.replaceColumn("age", age);
        t.removeColumns("y");
        t.addColumns(subscribed);
        return t.setName("marketing");
    }

    // ---------------------------------------------------------------- Default of credit card clients

    /** UCI codes of EDUCATION and MARRIAGE, spelled as the paper's preprocessed file; other codes become Others. */
    private static final Map<Integer, String> CREDIT_EDUCATION = Map.of(1, "Graduate_school", 2, "University",
            3, "High_school");
    private static final Map<Integer, String> CREDIT_MARRIAGE = Map.of(1, "Married", 2, "Single");

    /**
     * Default of credit card clients (UCI_Credit_Card.csv: the UCI spreadsheet as a CSV with the common header ID,
     * LIMIT_BAL, SEX, ..., default.payment.next.month; "default payment next month" and DEFAULT_PAYEMENT are also
     * accepted), preprocessed as the paper's file: ID dropped; SEX 1/2 spelled Male/Female; EDUCATION 1/2/3
     * spelled Graduate_school/University/High_school, other codes (0, 4, 5, 6) Others; MARRIAGE 1/2 spelled
     * Married/Single, other codes (0, 3) Others; each repayment status PAY_x spelled Pay_duly (x &lt;= 0: paid duly,
     * revolving or unused) or Pay_delay&gt;=1 (a delay of one month or more); target good_credit = 1 - default; rows
     * with missing values dropped. Columns absent from the file are left out.
     */
    static Table defaultCredit(Path dir) {
        Table raw = Csv.read(dir.resolve("UCI_Credit_Card.csv"));
        String label = null;
        for (String candidate : List.of("default.payment.next.month", "default payment next month", "DEFAULT_PAYEMENT", "Y")) {
            if (raw.containsColumn(candidate)) {
                label = candidate;
                break;
            }
        }
        if (label == null || !raw.containsColumn("SEX")) {
            throw new IllegalArgumentException("UCI_Credit_Card.csv needs the named header row of the UCI file (SEX, ...,"
                    + " default.payment.next.month); it has " + raw.columnNames());
        }
        Table t = raw.dropRowsWithMissingValues();
        IntColumn good = IntColumn.create("good_credit");
        NumericColumn<?> d = t.numberColumn(label);
        for (int r = 0; r < d.size(); r++) {
            good.append(d.getDouble(r) == 1 ? 0 : 1);
        }
        t.replaceColumn("SEX", spell(t, "SEX", v -> v == 2 ? "Female" : v == 1 ? "Male" : "Other"));
        if (t.containsColumn("EDUCATION")) {
            t.replaceColumn("EDUCATION", spell(t, "EDUCATION", v -> CREDIT_EDUCATION.getOrDefault(v, "Others")));
        }
        if (t.containsColumn("MARRIAGE")) {
            t.replaceColumn("MARRIAGE", spell(t, "MARRIAGE", v -> CREDIT_MARRIAGE.getOrDefault(v, "Others")));
        }
        for (String pay : List.of("PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6")) {
            if (t.containsColumn(pay)) {
                t.replaceColumn(pay, spell(t, pay, v -> v <= 0 ? "Pay_duly" : "Pay_delay>=1"));
            }
        }
        t.removeColumns(label);
        if (t.containsColumn("ID")) {
            t.removeColumns("ID");
        }
        t.addColumns(good);
        return t.setName("default_credit");
    }

    /** A numeric column's integer codes spelled as text. */
    private static StringColumn spell(Table t, String column, java.util.function.IntFunction<String> name) {
        StringColumn out = StringColumn.create(column);
        NumericColumn<?> c = t.numberColumn(column);
        for (int r = 0; r < c.size(); r++) {
            out.append(name.apply((int) Math.round(c.getDouble(r))));
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static void requireColumns(Table t, List<String> names) {
        for (String n : names) {
            if (!t.containsColumn(n)) {
                throw new IllegalArgumentException(t.name() + " has no column '" + n + "' (it has " + t.columnNames() + ")");
            }
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
