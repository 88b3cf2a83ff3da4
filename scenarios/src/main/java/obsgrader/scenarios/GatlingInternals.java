package obsgrader.scenarios;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.Group;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.charts.stats.RequestStatsPath;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.prefs.Preferences;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What the grader needs from Gatling beyond its public DSL and launcher, in one place because any Gatling
 * version may change it: reading a run's {@code simulation.log} back (there is no statistics file any more,
 * only the reader behind the HTML report), keeping Gatling from asking Maven Central for a newer version, and
 * undoing its stopping of the JVM's logging at the end of a run.
 */
final class GatlingInternals {
    /** Where Gatling caches its check for a newer release (LatestGatlingRelease). */
    private static final String RELEASE_CHECK_NODE = "/io/gatling/latestVersion";
    private static final Duration RELEASE_CHECK_TRUSTED = Duration.ofHours(1);

    private final LogFileData data;

    private GatlingInternals(Path runFolder) {
        data = LogFileReader.apply(runFolder.getFileName().toString(), runFolder.getParent(), GatlingConfiguration.load()).read();
    }

    /** The statistics of a run folder (the one holding its simulation.log). */
    static GatlingInternals statisticsOf(Path runFolder) {
        return new GatlingInternals(runFolder);
    }

    /**
     * Records a failed release check an hour ahead, so that Gatling does not query Maven Central: the load may
     * reach the stack's nginx and nothing else. Gatling checks once per JVM and trusts a failed check for 3.6 s
     * only, less than a first run's start-up: hence a record from the future. It goes into this JVM's
     * {@link InMemoryPreferences}, never into the user's: Gatling has no switch for the check, only this record.
     */
    static void skipReleaseCheck() {
        if (!(Preferences.userRoot() instanceof InMemoryPreferences)) {
            // another factory was chosen (-Djava.util.prefs.PreferencesFactory): its store may be the user's
            LoggerFactory.getLogger(GatlingInternals.class).info("Preferences are not in memory: Gatling's release check is left on");
            return;
        }
        Preferences check = Preferences.userRoot().node(RELEASE_CHECK_NODE);
        check.putLong("lastCheckTimestamp", System.currentTimeMillis() + RELEASE_CHECK_TRUSTED.toMillis());
        check.putBoolean("lastCheckSuccess", false);
    }

    /**
     * Starts logback again with its configuration if a run stopped it: Gatling stops the logging at the end
     * of every run (to flush it before the JVM exits), and the grading goes on after it.
     */
    static void restartLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging && !logging.isStarted()) {
            try {
                new ContextInitializer(logging).autoConfig();
                logging.start();
            } catch (JoranException e) {
                throw new IllegalStateException("logback would not start again after a Gatling run", e);
            }
        }
    }

    RequestStats all() {
        return stats("all requests", Option.empty(), Option.empty());
    }

    /** Per request label, in the order Gatling first saw them. */
    Map<String, RequestStats> byRequest() {
        Map<String, RequestStats> stats = new LinkedHashMap<>();
        CollectionConverters.asJava(data.statsPaths()).forEach(path -> {
            if (path instanceof RequestStatsPath request) {
                stats.put(request.request(), stats(request.request(), Option.apply(request.request()), request.group()));
            }
        });
        return stats;
    }

    private RequestStats stats(String label, Option<String> request, Option<Group> group) {
        Option<GeneralStats> all = data.requestGeneralStats(request, group, Option.empty());
        if (all.isEmpty()) {
            return RequestStats.none(label);
        }
        GeneralStats total = all.get();
        Option<GeneralStats> failed = data.requestGeneralStats(request, group, Option.<Status>apply(KO$.MODULE$));
        return new RequestStats(label, total.count(), failed.isEmpty() ? 0 : failed.get().count(),
                percentile(total, 50), percentile(total, 95), percentile(total, 99), total.max(), total.meanRequestsPerSec());
    }

    private static int percentile(GeneralStats stats, double rank) {
        return ((Number) stats.percentile().apply(rank)).intValue();
    }
}
