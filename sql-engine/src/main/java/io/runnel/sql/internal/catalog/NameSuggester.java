package io.runnel.sql.internal.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the known name closest to a misspelled one (Levenshtein distance, ignoring case), for
 * "did you mean" hints. A candidate is only suggested when it is plausibly the same word: at most
 * a third of the longer name's characters differ (and at most 3), or the names differ only by
 * case or underscores.
 */
public final class NameSuggester {

    private NameSuggester() {
    }

    public static Optional<String> closest(String name, Collection<String> candidates) {
        String wanted = name.toUpperCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String upper = candidate.toUpperCase(Locale.ROOT);
            int distance = upper.replace("_", "").equals(wanted.replace("_", ""))
                    ? (upper.equals(wanted) ? 0 : 1)
                    : distance(wanted, upper);
            int allowed = Math.min(3, Math.max(1, Math.max(wanted.length(), upper.length()) / 3));
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The Levenshtein edit distance (insertions, deletions, substitutions all cost 1). */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
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
