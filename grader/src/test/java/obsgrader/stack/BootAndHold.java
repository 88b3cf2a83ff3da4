package obsgrader.stack;

import java.nio.file.Path;
import obsgrader.submission.Submission;

/** A grading JVM reduced to its boot, for {@link AbandonedRunSelfIT} to kill -9: boots a folder, then waits. */
public final class BootAndHold {
    private BootAndHold() {
    }

    public static void main(String[] args) throws Exception {
        LabStack stack = SelfTestStacks.of(Submission.load(Path.of(args[0])).compose().orElseThrow())
                .withRunFolder(Path.of(args[1]));
        System.out.println("STARTING " + stack.runId());
        stack.start();
        System.out.println("BOOTED " + stack.runId());
        System.in.read();
    }
}
