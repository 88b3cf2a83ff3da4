package obsgrader.batch;

import java.nio.file.Path;
import obsgrader.rubric.RubricLoader;

/**
 * One shard of a class graded in a JVM of its own, as one CI job or one pod of an Indexed Job would:
 * {@code ShardProcess SUBMISSIONS REPORTS I/N RUBRIC}. BatchSelfIT starts three of them.
 */
public final class ShardProcess {
    private ShardProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        BatchGrader.of(Path.of(args[0])).withReportsTo(Path.of(args[1])).withShard(Shard.parse(args[2]))
                .withRubric(RubricLoader.load(Path.of(args[3]))).withParallelism(1).run();
        // Testcontainers' and the HTTP clients' threads would keep the JVM alive.
        System.exit(0);
    }
}
