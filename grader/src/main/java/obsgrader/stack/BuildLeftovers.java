package obsgrader.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.engine.Shell;

/**
 * What a failed legacy build (the engine's classic builder, whichever compose drove it) leaves: the container of
 * the step that failed, when the builder was not told to remove it, and the untagged images of the steps that
 * succeeded. Neither carries a label; both are named in the build's own output, which is how they are attributed
 * to the run, whatever else builds on the machine at the same time. BuildKit prints neither and leaves neither
 * (only its build cache).
 */
final class BuildLeftovers {
    /** "---> Running in 1a2b3c4d5e6f": the container of a step. */
    private static final Pattern STEP_CONTAINER = Pattern.compile("---> Running in ([0-9a-f]{12,64})");
    /** "---> 1a2b3c4d5e6f": the image a step ended with. */
    private static final Pattern STEP_IMAGE = Pattern.compile("---> ([0-9a-f]{12,64})\\s*$", Pattern.MULTILINE);
    private static final Pattern STEP = Pattern.compile("^Step \\d+/\\d+ : ", Pattern.MULTILINE);
    private static final Duration DOCKER = Duration.ofSeconds(30);

    private BuildLeftovers() {
    }

    /** The containers and images a build's output names as its own, in the order it made them. */
    record Named(Set<String> containers, List<String> images) {
        static Named in(String buildOutput) {
            Set<String> containers = new LinkedHashSet<>();
            Matcher running = STEP_CONTAINER.matcher(buildOutput);
            while (running.find()) {
                containers.add(running.group(1));
            }
            List<String> images = new ArrayList<>();
            for (String step : STEP.split(buildOutput)) {
                // a FROM step names its base, a cached step an image an earlier build made: neither is this build's
                if (step.regionMatches(true, 0, "FROM ", 0, 5) || step.contains("---> Using cache")) {
                    continue;
                }
                Matcher committed = STEP_IMAGE.matcher(step);
                String last = null;
                while (committed.find()) {
                    last = committed.group(1);
                }
                if (last != null) {
                    images.add(last);
                }
            }
            return new Named(containers, images);
        }
    }

    /**
     * Removes what a build's output names and is still there: its step containers, and its images that no tag and
     * no other image holds (an image another build has since built on, or tagged, is refused by the engine and kept).
     * Newest first, so that removing an image frees its parent.
     */
    static Named removeFrom(String buildOutput) {
        Named named = Named.in(buildOutput);
        named.containers().forEach(container -> Shell.run(DOCKER, "docker", "rm", "-f", container));
        List<String> newestFirst = new ArrayList<>(named.images());
        Collections.reverse(newestFirst);
        for (String image : newestFirst) {
            Shell.Result tags = Shell.run(DOCKER, "docker", "image", "inspect", "--format", "{{len .RepoTags}}", image);
            if (tags.ok() && "0".equals(tags.output().strip())) {
                Shell.run(DOCKER, "docker", "image", "rm", "--no-prune", image);
            }
        }
        return named;
    }
}
