package obsgrader.batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -Dgrader.shard=I/N}: the I-th of N shares of a class (I from 1, as GitLab's {@code CI_NODE_INDEX}),
 * so that N machines grade a class between them. A student's share follows from their name alone (SHA-256,
 * not the JVM's string hash nor the folder's listing order): the same student always lands in the same shard,
 * whatever else the class holds and wherever it runs.
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");
    /** The whole class: what a run without {@code -Dgrader.shard} grades. */
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("grader.shard=" + index + "/" + count + ": the shard is I/N with 1 <= I <= N, "
                    + "e.g. 2/3 (Kubernetes' JOB_COMPLETION_INDEX counts from 0: pass $((JOB_COMPLETION_INDEX + 1))/N)");
        }
    }

    /** {@code "2/3"}; null or blank is the whole class. */
    public static Shard parse(String text) {
        if (text == null || text.isBlank()) {
            return WHOLE;
        }
        Matcher form = FORM.matcher(text);
        if (!form.matches()) {
            throw new IllegalArgumentException("grader.shard=" + text + ": expected I/N, e.g. 2/3");
        }
        return new Shard(Integer.parseInt(form.group(1)), Integer.parseInt(form.group(2)));
    }

    public boolean sharded() {
        return count > 1;
    }

    /** Whether this shard grades the student of that name. */
    public boolean owns(String student) {
        return Math.floorMod(hash(student), count) == index - 1;
    }

    private static long hash(String student) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(student.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The file a shard leaves its rows in, beside its students' folders: {@code shard-2-of-3.json}. */
    public String resultsFile() {
        return "shard-" + index + "-of-" + count + ".json";
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
