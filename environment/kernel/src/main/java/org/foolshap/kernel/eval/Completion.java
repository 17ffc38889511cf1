package org.foolshap.kernel.eval;

import java.util.List;

/** Replacement candidates for the code between {@code start} and {@code end} (character offsets). */
public record Completion(List<String> matches, int start, int end) {
    public Completion {
        matches = List.copyOf(matches);
    }
}
