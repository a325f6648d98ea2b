package io.runnel.sql.internal.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the known name closest to a misspelled one (edit distance counting insertions, deletions,
 * substitutions and swaps of adjacent characters, ignoring case), for "did you mean" hints. A
 * candidate is only suggested when it is plausibly the same word: the names differ only by case
 * or underscores, or the misspelling has at least 3 characters and at most a third of the longer
 * name's characters (and at most 3) differ.
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
            int allowed = wanted.length() < 3 ? 1 : Math.min(3, Math.max(1, Math.max(wanted.length(), upper.length()) / 3));
            if (wanted.length() < 3 && distance > 0 && !upper.replace("_", "").equals(wanted.replace("_", ""))) {
                continue;
            }
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Edit distance where inserting, deleting or substituting a character, or swapping two adjacent
     * ones, costs 1 (optimal string alignment), so {@code FORM} is 1 away from {@code FROM}.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
