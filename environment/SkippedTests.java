import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The end of {@code environment/workbench test}: every test Maven skipped, with its reason and the one command that
 * would make it run, read from the surefire and failsafe report XML under the given root (Maven prints only
 * "Skipped: N"). Tests skipped for the same command are listed under it once. A skip message names its command as
 * "...; run: COMMAND" (the library's test data helper, the notebook tests) or "run COMMAND to enable this test".
 *
 * <p>Run as a single-file program: {@code java environment/SkippedTests.java ROOT [SINCE_FILE]} (only reports not
 * older than SINCE_FILE count). Prints nothing when nothing was
 * skipped; always exits 0 (the build's own status is what counts).
 */
public final class SkippedTests {
    private static final Pattern RUN_COLON = Pattern.compile("^(.*?);? run: (.+)$", Pattern.DOTALL);
    private static final Pattern RUN_TO_ENABLE = Pattern.compile("^(.*?);? run (.+?) to enable this test\\.?$",
            Pattern.DOTALL);

    /** One skipped test: where, why, and what to run (null when the message names no command). */
    record Skip(String test, String reason, String command) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        long since = args.length > 1 ? Files.getLastModifiedTime(Path.of(args[1])).toMillis() : 0;
        System.out.print(summary(skips(root, since)));
    }

    /**
     * Every skipped test case in {@code **}{@code /target/{surefire,failsafe}-reports/TEST-*.xml} under root, from
     * reports written at or after {@code since} (epoch ms; older ones are left over from earlier runs).
     */
    static List<Skip> skips(Path root, long since) throws Exception {
        List<Path> reports;
        try (Stream<Path> s = Files.walk(root)) {
            reports = s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .filter(p -> p.getParent() != null && p.getParent().getFileName().toString()
                            .matches("(surefire|failsafe)-reports"))
                    .filter(p -> !p.toString().contains("/node_modules/"))
                    .filter(p -> p.toFile().lastModified() >= since)
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        List<Skip> out = new ArrayList<>();
        for (Path report : reports) {
            NodeList cases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                NodeList skipped = c.getElementsByTagName("skipped");
                if (skipped.getLength() == 0) {
                    continue;
                }
                String cls = c.getAttribute("classname");
                String test = cls.substring(cls.lastIndexOf('.') + 1) + "." + c.getAttribute("name");
                Element skip = (Element) skipped.item(0);
                // surefire 3 writes the message as an attribute, or only as the text "Exception: message\n\tat ..."
                String message = skip.getAttribute("message");
                if (message.isBlank()) {
                    message = skip.getTextContent().strip().lines().findFirst().orElse("")
                            .replaceFirst("^[\\w.$]+(Exception|Error): ", "");
                }
                out.add(parse(test, message));
            }
        }
        return out;
    }

    /** Splits a skip message into its reason and command. */
    static Skip parse(String test, String message) {
        String m = message.strip().replaceFirst("^Assumption failed: ", "").replaceFirst("^skipped: ", "");
        if (m.isEmpty()) {
            return new Skip(test, "no reason given", null);
        }
        for (Pattern p : List.of(RUN_COLON, RUN_TO_ENABLE)) {
            Matcher x = p.matcher(m);
            if (x.matches()) {
                return new Skip(test, x.group(1).strip(), x.group(2).strip());
            }
        }
        return new Skip(test, m, null);
    }

    /** The printed summary: a header, then per command (or per reason without one) the reason and the tests. */
    static String summary(List<Skip> skips) {
        if (skips.isEmpty()) {
            return "";
        }
        Map<String, List<Skip>> byAction = new LinkedHashMap<>();
        for (Skip s : skips) {
            byAction.computeIfAbsent(s.command() != null ? "run: " + s.command() : "why: " + s.reason(),
                    k -> new ArrayList<>()).add(s);
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format("%nworkbench: %d test(s) skipped; to run them:%n", skips.size()));
        for (var e : byAction.entrySet()) {
            List<Skip> group = e.getValue();
            Skip first = group.get(0);
            if (first.command() != null) {
                b.append("  ").append(first.command()).append('\n');
                b.append("      because ").append(first.reason()).append('\n');
            } else {
                b.append("  (no command: ").append(first.reason()).append(")\n");
            }
            List<String> names = group.stream().map(Skip::test).toList();
            b.append("      ").append(names.size()).append(" test(s): ")
                    .append(String.join(", ", names.size() <= 6 ? names : names.subList(0, 6)))
                    .append(names.size() > 6 ? ", ..." : "").append('\n');
        }
        return b.toString();
    }
}
