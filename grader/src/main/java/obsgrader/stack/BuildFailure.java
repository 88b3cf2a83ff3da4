package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import obsgrader.i18n.Message;

/**
 * A lab service whose image would not build, and whose fault that is: this machine's when it is offline (a
 * registry or package index out of reach, a base image that can be neither pulled nor built here, a Python
 * package that Debian does not ship, which the stand-in's pip cannot install: it may well exist online), the
 * student's otherwise (a Dockerfile syntax error, a missing file, a package that does not exist), with the
 * build's own error line as the reason.
 */
public final class BuildFailure extends StackFailure {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    /** What a build prints when it needs the network it does not have (the python stand-in's pip says the first). */
    private static final Pattern OFFLINE = Pattern.compile("^obsgrader: .* is not among the Python packages Debian ships"
            + "|dial tcp|no such host|Temporary failure (resolving|in name resolution)|Could not resolve host"
            + "|Network is unreachable|i/o timeout|TLS handshake timeout|Failed to fetch http|Could not fetch URL"
            + "|Failed to establish a new connection|EAI_AGAIN|ENOTFOUND|ETIMEDOUT");
    /** Lines that say what went wrong, as builds print them (compose's own summary lines aside). */
    private static final Pattern ERROR = Pattern.compile("^(ERROR|E|error|Error|fatal|npm ERR!)\\b.*"
            + "|^(COPY|ADD) failed.*|^Error response from daemon: .*|.*(unknown instruction|No such file or directory|"
            + "file does not exist|not found).*");
    private static final Pattern SUMMARY = Pattern.compile("^Service '.*' failed to build.*|^The command '.*' returned a non-zero code.*");

    private final String service;
    private final String errorLine;
    private final boolean offline;

    /** @param reason the build's error line, or the grader's own sentence (a {@link Message}) */
    private BuildFailure(String service, Object reason, boolean offline) {
        super(msg(offline ? "grader.stack.build-offline" : "grader.stack.build-failed", service, reason));
        this.service = service;
        this.errorLine = String.valueOf(reason);
        this.offline = offline;
    }

    /** A build that could not start here: a reason given by the grader, not read from a build's output. */
    static BuildFailure offline(String service, Message reason) {
        return new BuildFailure(service, reason, true);
    }

    /** A failed build, judged from its output. */
    static BuildFailure of(String service, String output) {
        List<String> lines = ANSI.matcher(output).replaceAll("").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Optional<String> offline = lines.stream().filter(l -> OFFLINE.matcher(l).find()).findFirst();
        if (offline.isPresent()) {
            return new BuildFailure(service, offline.get(), true);
        }
        Optional<String> error = lines.stream().filter(l -> ERROR.matcher(l).matches() && !SUMMARY.matcher(l).matches())
                .reduce((first, second) -> second);
        Optional<String> summary = lines.stream().filter(l -> SUMMARY.matcher(l).matches()).findFirst();
        String last = lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
        return new BuildFailure(service, error.or(() -> summary).orElse(last), false);
    }

    public String service() {
        return service;
    }

    /** The build's own line that says what failed. */
    public String errorLine() {
        return errorLine;
    }

    /** Whether this machine, being offline, is at fault rather than the submission. */
    @Override
    public boolean offline() {
        return offline;
    }
}
