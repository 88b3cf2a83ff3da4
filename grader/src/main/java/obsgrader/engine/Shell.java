package obsgrader.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a command with a deadline and a cap on what it prints, so no tool can hang or flood a grading run: the
 * end of a long output is kept, with its size said.
 */
public final class Shell {
    static final int OUTPUT_CAP = 1 << 20;
    private static final Pattern PROGRESS = Pattern.compile("Checking |SUCCESS|Unit Testing:");

    private Shell() {
    }

    public record Result(List<String> command, int exitCode, String output, boolean timedOut) {
        public boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        /** The last lines of the output: what a report quotes. */
        public String tail(int lines) {
            String[] all = output.strip().split("\n");
            return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
        }

        /**
         * What a checking tool (promtool, amtool) says went wrong, on one line: its output without the lines
         * reporting progress or success, which would otherwise crowd the error out of a short quote.
         */
        public String failure(int lines) {
            List<String> kept = output.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !PROGRESS.matcher(line).lookingAt()).distinct().toList();
            return String.join(" ", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
        }
    }

    public static Result run(Duration timeout, String... command) {
        return run(timeout, null, Map.of(), command);
    }

    public static Result run(Duration timeout, Path workDir, Map<String, String> env, String... command) {
        return run(timeout, workDir, false, env, command);
    }

    /**
     * Runs a command with only the grader's variables that a tool needs to find itself and the engine (the
     * PATH, HOME, DOCKER_*) and those given: compose substitutes {@code ${VAR}} from its environment, and a
     * student's file must never read the grading machine's tokens.
     */
    public static Result runClean(Duration timeout, Path workDir, Map<String, String> env, String... command) {
        return run(timeout, workDir, true, env, command);
    }

    /** The variables {@link #runClean} keeps: where the tools are, and which engine to talk to, nothing else. */
    static boolean keptClean(String variable) {
        return variable.equals("PATH") || variable.equals("HOME") || variable.equals("TMPDIR")
                || variable.startsWith("DOCKER_") && !variable.equals("DOCKER_AUTH_CONFIG");
    }

    private static Result run(Duration timeout, Path workDir, boolean clean, Map<String, String> env, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        if (clean) {
            builder.environment().keySet().removeIf(variable -> !keptClean(variable));
        }
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(List.of(command), 127, command[0] + ": " + e.getMessage(), false);
        }
        CappedReader reader = new CappedReader(process.getInputStream());
        reader.start();
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
            return new Result(List.of(command), finished ? process.exitValue() : -1, reader.text(), !finished);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(List.of(command), -1, reader.text() + "\n(interrupted)", true);
        }
    }

    /** Whether a program is on the PATH. */
    public static boolean has(String program) {
        return run(Duration.ofSeconds(10), "sh", "-c", "command -v " + program).ok();
    }

    /**
     * Keeps the last {@link #OUTPUT_CAP} bytes of the output, where a failing tool prints its error (a build log's
     * error line comes last), and says how much came before them.
     */
    private static final class CappedReader extends Thread {
        private final InputStream in;
        private final byte[] ring = new byte[OUTPUT_CAP];
        private long total;

        CappedReader(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (this) {
                        for (int i = 0; i < n; i++) {
                            ring[(int) ((total + i) % OUTPUT_CAP)] = buffer[i];
                        }
                        total += n;
                    }
                }
            } catch (IOException ignored) {
                // the process died: what was read is what there is
            }
        }

        synchronized String text() {
            if (total <= OUTPUT_CAP) {
                return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
            }
            int start = (int) (total % OUTPUT_CAP);
            byte[] last = new byte[OUTPUT_CAP];
            System.arraycopy(ring, start, last, 0, OUTPUT_CAP - start);
            System.arraycopy(ring, 0, last, OUTPUT_CAP - start, start);
            // the cut may fall inside a line: start at the next whole one
            String kept = new String(last, StandardCharsets.UTF_8);
            kept = kept.substring(kept.indexOf('\n') + 1);
            return "(" + total + " bytes of output, the first " + (total - kept.getBytes(StandardCharsets.UTF_8).length)
                    + " not kept)\n" + kept;
        }
    }
}
