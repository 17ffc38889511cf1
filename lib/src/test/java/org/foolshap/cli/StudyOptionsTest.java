package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Map;
import org.foolshap.experiment.Study;
import org.junit.jupiter.api.Test;

/** The study options both reproduce commands share: what they record in settings.json, their errors, shipping. */
class StudyOptionsTest {
    @Test
    void withoutOptionsTheyDescribeTheLibrarysDefaultStudy() {
        Study s = StudyOptions.parse().study();
        Study library = Study.withDefaults();
        assertEquals(library.settings(), s.settings());
        assertEquals(library.datasets(), s.datasets());
        assertEquals(library.models(), s.models());
        assertEquals(library.seeds(), s.seeds());
        assertEquals(null, s.dataDir());
    }

    @Test
    void theOptionsTheSparkCopyLackedReachSettingsJson() {
        Map<String, String> defaults = StudyOptions.parse().study().settings();
        Map<String, String> s = StudyOptions.parse("--genetic", "fast", "--fresh-draws", "300", "--lambda-preset",
                "official", "--all-pairs", "--no-baselines").study().settings();
        assertEquals("fast", s.get("genetic"));
        assertEquals("300", s.get("fresh_draws"));
        assertEquals("true", s.get("official_lambdas"));
        assertEquals("false", s.get("paper_models"));
        assertEquals("false", s.get("baselines"));
        // and each one differs from the default, so the test would see an option that is dropped
        for (String k : new String[] {"genetic", "fresh_draws", "official_lambdas", "paper_models", "baselines"}) {
            assertNotEquals(defaults.get(k), s.get(k), k);
        }
        assertEquals("true", StudyOptions.parse("--baselines").study().settings().get("baselines"));
    }

    @Test
    void theGridAndProtocolOptionsReachSettingsJson() {
        Study s = StudyOptions.parse("--datasets", "compas", "--models", "rf", "--seeds", "0,1", "--m", "50",
                "--repeats", "10", "--significance", "0.01", "--log10-lambdas", "0:2:3", "--lambda-extensions", "1",
                "--mlp-background", "1000", "--calibration-draws", "40", "--tune", "0").study();
        Map<String, String> settings = s.settings();
        assertEquals("50", settings.get("m"));
        assertEquals("10", settings.get("repeats"));
        assertEquals("0.01", settings.get("significance"));
        assertEquals("1:100:3", settings.get("lambdas"));
        assertEquals("1", settings.get("lambda_extensions"));
        assertEquals("1000", settings.get("mlp_background"));
        assertEquals("40", settings.get("calibration_draws"));
        assertEquals("0", settings.get("tuning"));
        assertEquals(java.util.List.of("compas"), s.datasets());
        assertEquals(java.util.List.of(0, 1), s.seeds());
        // the sensitivity table's study: another M and level, the rest kept
        Map<String, String> other = StudyOptions.parse("--repeats", "10").study(100, 0.01).settings();
        assertEquals("100", other.get("m"));
        assertEquals("0.01", other.get("significance"));
        assertEquals("10", other.get("repeats"));
    }

    @Test
    void aBadValueIsOneLineNamingTheOption() {
        String[][] cases = {{"--genetic", "slow"}, {"--lambda-preset", "x"}, {"--m", "many"},
            {"--lambdas", "1:2"}, {"--lambdas", "1:2:3", "--log10-lambdas", "0:1:3"}, {"--fresh-draw", "3"}};
        for (String[] args : cases) {
            UserError e = assertThrows(UserError.class, () -> StudyOptions.parse(args), String.join(" ", args));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains(args[0]), e.getMessage());
        }
        assertTrue(assertThrows(UserError.class, () -> StudyOptions.parse("--genetic", "slow")).getMessage()
                .contains("'slow'"));
    }

    @Test
    void theyCrossJavaSerializationWithTheSameSettings() throws Exception {
        StudyOptions o = StudyOptions.parse("--datasets", "compas", "--models", "rf,mlp", "--seeds", "0-2",
                "--m", "60", "--lambdas", "0.5:50:5", "--genetic", "fast", "--fresh-draws", "200",
                "--lambda-preset", "official", "--all-pairs", "--no-baselines", "--data-dir", "some/raw");
        StudyOptions back = roundTrip(o);
        assertEquals(o, back);
        assertEquals(o.hashCode(), back.hashCode());
        Study a = o.study();
        Study b = back.study();
        assertEquals(a.settings(), b.settings());
        assertEquals(a.datasets(), b.datasets());
        assertEquals(a.models(), b.models());
        assertEquals(a.seeds(), b.seeds());
        assertEquals(a.dataDir(), b.dataDir());
        assertEquals(o.describeLambdas(), back.describeLambdas());
    }

    @Test
    void anAbsoluteDataDirNamesTheSameFolderAndLeavesTheRest() {
        StudyOptions o = StudyOptions.parse("--data-dir", "some/raw", "--m", "60");
        StudyOptions a = o.withAbsoluteDataDir();
        assertEquals(Path.of("some/raw").toAbsolutePath(), a.study().dataDir());
        assertEquals(Path.of("some/raw"), o.study().dataDir());
        assertEquals(o.study().settings(), a.study().settings());
        assertEquals(null, StudyOptions.parse().withAbsoluteDataDir().study().dataDir());
    }

    /**
     * equals, hashCode and the copy behind withAbsoluteDataDir list the options by hand: each option, changed
     * alone, must make the options unequal to the defaults and survive the copy (a field added without them fails).
     */
    @Test
    void everyOptionCountsInEqualsAndSurvivesTheCopy() throws Exception {
        StudyOptions defaults = StudyOptions.parse();
        int options = 0;
        for (Field f : StudyOptions.class.getDeclaredFields()) {
            if (f.getAnnotation(picocli.CommandLine.Option.class) == null) {
                continue;
            }
            options++;
            StudyOptions o = StudyOptions.parse();
            f.setAccessible(true);
            Object value = f.get(o);
            f.set(o, switch (f.getType().getName()) {
                case "int" -> (int) value + 1;
                case "double" -> (double) value + 0.5;
                case "boolean" -> !(boolean) value;
                default -> value + "/changed";
            });
            assertNotEquals(defaults, o, f.getName());
            assertNotEquals(defaults.hashCode(), o.hashCode(), f.getName());
            StudyOptions copy = o.withAbsoluteDataDir();
            if (!f.getName().equals("dataDir")) {
                assertEquals(o, copy, f.getName());
                assertEquals(f.get(o), f.get(copy), f.getName());
            }
        }
        assertTrue(options >= 18, options + " options");
    }

    private static StudyOptions roundTrip(StudyOptions o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (StudyOptions) in.readObject();
        }
    }
}
