package obsgrader.similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document as Moss and Dolos compare one: its words (case, punctuation and Markdown markup gone) cut into
 * overlapping runs of {@value #K}, each run hashed, and a fingerprint of the document chosen by winnowing
 * (Schleimer, Wilkerson and Aiken, 2003: the smallest hash of every window of {@value #WINDOW} runs), so that any
 * passage shared by two documents of at least K + WINDOW - 1 words shares a fingerprint. Winnowing is a few lines;
 * no maintained Java library of it is published on Maven Central.
 */
final class Passages {
    static final int K = 6;
    static final int WINDOW = 4;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_%.]+");

    private final List<String> words = new ArrayList<>();
    private final long[] hashes;
    private final Set<Long> fingerprints = new HashSet<>();

    Passages(String text) {
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group().replaceAll("^\\.+|\\.+$", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        hashes = new long[Math.max(0, words.size() - K + 1)];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = String.join(" ", words.subList(i, i + K)).hashCode() * 0x9E3779B97F4A7C15L;
        }
        for (int start = 0; start + WINDOW <= hashes.length; start++) {
            long smallest = Long.MAX_VALUE;
            for (int i = start; i < start + WINDOW; i++) {
                smallest = Math.min(smallest, hashes[i]);
            }
            fingerprints.add(smallest);
        }
        if (hashes.length > 0 && hashes.length < WINDOW) {
            fingerprints.add(java.util.Arrays.stream(hashes).min().getAsLong());
        }
    }

    /** Every run's hash: what the baseline removes from a student's fingerprints. */
    Set<Long> runs() {
        Set<Long> runs = new HashSet<>();
        for (long hash : hashes) {
            runs.add(hash);
        }
        return runs;
    }

    /** The fingerprints the handout does not give everyone. */
    Set<Long> fingerprints(Set<Long> baseline) {
        Set<Long> own = new HashSet<>(fingerprints);
        own.removeAll(baseline);
        return own;
    }

    /**
     * The passages of this document found in the other, handout excepted, longest first: each as this document's
     * words and the other's at the same place (the other's first occurrence).
     */
    List<String[]> sharedWith(Passages other, Set<Long> baseline, int most) {
        Map<Long, Integer> where = new HashMap<>();
        for (int i = other.hashes.length - 1; i >= 0; i--) {
            where.put(other.hashes[i], i);
        }
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < hashes.length) {
            Integer there = where.get(hashes[i]);
            if (there == null || baseline.contains(hashes[i])) {
                i++;
                continue;
            }
            int length = 1;
            while (i + length < hashes.length && there + length < other.hashes.length
                    && hashes[i + length] == other.hashes[there + length]) {
                length++;
            }
            if (length >= WINDOW) {
                runs.add(new int[] {i, there, length});
            }
            i += length;
        }
        runs.sort((a, b) -> Integer.compare(b[2], a[2]));
        return runs.stream().limit(most).map(run -> new String[] {
                String.join(" ", words.subList(run[0], run[0] + run[2] + K - 1)),
                String.join(" ", other.words.subList(run[1], run[1] + run[2] + K - 1))}).toList();
    }
}
