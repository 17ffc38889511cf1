package org.foolshap.experiment;

import java.util.ArrayList;
import java.util.List;

/** Parses the CLI's list arguments: seeds as "0-4" or "0,2,5", names as "adult,compas". */
public final class Ranges {
    private Ranges() {
    }

    public static List<Integer> seeds(String spec) {
        List<Integer> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    int lo = Integer.parseInt(p.substring(0, dash).trim());
                    int hi = Integer.parseInt(p.substring(dash + 1).trim());
                    if (hi < lo) {
                        throw new IllegalArgumentException("seed range " + p + " is empty");
                    }
                    for (int s = lo; s <= hi; s++) {
                        out.add(s);
                    }
                } else {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seeds must look like 0-4 or 0,2,5; got '" + spec + "'");
            }
        }
        return out;
    }

    public static List<String> names(String spec) {
        List<String> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty list: '" + spec + "'");
        }
        return out;
    }
}
