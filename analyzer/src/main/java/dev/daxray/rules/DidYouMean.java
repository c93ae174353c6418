package dev.daxray.rules;

import java.util.Collection;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one (Levenshtein distance). */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The closest candidate within a distance that still looks like a typo, first one on ties. */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, wrong.length() / 3);
        for (String candidate : candidates) {
            int d = distance(wrong.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean [x]?"} or nothing. */
    public static String hint(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(s -> "; did you mean [" + s + "]?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
