package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foolshap.cli.DataCommandsTest.Run;
import org.junit.jupiter.api.Test;

/** The top-level help: every command with a whole first sentence, within the help width. */
class HelpTest {
    @Test
    void commandSummariesAreWholeSentencesWithinTheWidth() {
        Run help = DataCommandsTest.run("--help");
        assertEquals(0, help.code(), help.err());
        int width = Main.commandLine().getCommandSpec().usageMessage().width();
        List<String> lines = help.out().lines().toList();
        for (String line : lines) {
            assertTrue(line.length() <= width, "longer than " + width + ": '" + line + "'");
        }
        // "Commands:" then "  name  summary", continuation lines indented further
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        for (String line : lines.subList(lines.indexOf("Commands:") + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                String[] parts = line.strip().split("\\s+", 2);
                current = parts[0];
                summaries.put(current, parts.length > 1 ? parts[1] : "");
            } else {
                summaries.merge(current, " " + line.strip(), String::concat);
            }
        }
        List<String> expected = new ArrayList<>(Main.commandLine().getSubcommands().keySet());
        assertEquals(expected, List.copyOf(summaries.keySet()));
        summaries.forEach((name, summary) -> {
            if (!name.equals("help")) {
                assertTrue(summary.endsWith(".") || summary.endsWith(")"), name + " is cut mid-sentence: " + summary);
            }
        });
        assertTrue(summaries.get("fetch").startsWith("Download a dataset's raw files"), summaries.get("fetch"));
    }

    @Test
    void theFirstSentenceStopsAtAFullStopButNotAtAnAbbreviation() {
        assertEquals("Fool SHAP (Laberge et al., ICLR 2023): hide it.",
                Main.firstSentence(new String[] {"Fool SHAP (Laberge et al., ICLR 2023): hide it. More text", "x"}));
        assertEquals("Download the files into the per-user cache and verify them.",
                Main.firstSentence(new String[] {"Download the files into the", "per-user cache and verify them.",
                    "", "Second paragraph."}));
        assertEquals("Compare groups, e.g. Women and men.",
                Main.firstSentence(new String[] {"Compare groups, e.g. Women and men."}));
    }
}
