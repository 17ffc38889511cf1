package org.foolshap.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs (and text outputs) of this session's cells, for Jupyter's history requests: tail, range and search
 * (sqlite glob: {@code *}, {@code ?}, {@code [...]}). Entries are {@code [session, line, input]} or
 * {@code [session, line, [input, output]]}. Kept in memory only, at most {@value #MAX} entries.
 */
final class History {
    static final int SESSION = 1;
    static final int MAX = 10_000;

    private record Entry(int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        if (entries.size() == MAX) {
            entries.remove(0);
        }
        entries.add(new Entry(line, input, output == null ? "" : output));
    }

    synchronized List<Object> tail(int n, boolean output) {
        int from = n <= 0 ? 0 : Math.max(0, entries.size() - n);
        return rows(entries.subList(from, entries.size()), output);
    }

    synchronized List<Object> range(int session, int start, int stop, boolean output) {
        List<Entry> hits = new ArrayList<>();
        if (session == SESSION || session == 0) {
            for (Entry e : entries) {
                if (e.line >= start && (stop <= 0 || e.line < stop)) {
                    hits.add(e);
                }
            }
        }
        return rows(hits, output);
    }

    synchronized List<Object> search(String glob, int n, boolean unique, boolean output) {
        Pattern p = Pattern.compile(globToRegex(glob == null ? "*" : glob), Pattern.DOTALL);
        List<Entry> hits = new ArrayList<>();
        for (Entry e : entries) {
            if (p.matcher(e.input).matches()) {
                hits.add(e);
            }
        }
        if (unique) {
            Map<String, Entry> latest = new LinkedHashMap<>();
            for (Entry e : hits) {
                latest.remove(e.input);
                latest.put(e.input, e);
            }
            hits = new ArrayList<>(latest.values());
        }
        if (n > 0 && hits.size() > n) {
            hits = hits.subList(hits.size() - n, hits.size());
        }
        return rows(hits, output);
    }

    private static List<Object> rows(List<Entry> es, boolean output) {
        List<Object> out = new ArrayList<>();
        for (Entry e : es) {
            out.add(List.of(SESSION, e.line, output ? List.of(e.input, e.output) : e.input));
        }
        return out;
    }

    static String globToRegex(String glob) {
        StringBuilder r = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    r.append(']');
                } else if (c == '\\') {
                    r.append("\\\\");
                } else {
                    r.append(c);
                }
                continue;
            }
            switch (c) {
                case '*': r.append(".*"); break;
                case '?': r.append('.'); break;
                case '[':
                    inClass = true;
                    r.append('[');
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '^') {
                        r.append('^');
                        i++;
                    }
                    break;
                default: r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }
}
