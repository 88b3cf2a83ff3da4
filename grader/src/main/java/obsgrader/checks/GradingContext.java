package obsgrader.checks;

import java.time.Duration;
import obsgrader.clients.AlertmanagerApi;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;
import obsgrader.stack.LabStack;
import obsgrader.submission.Submission;

/** What a check may look at. The live parts throw {@link NotAssessed} when the stack is not there. */
public interface GradingContext {
    Submission submission();

    LabStack stack();

    PrometheusApi prometheus();

    AlertmanagerApi alertmanager();

    ShopClient shop();

    /** The submission's scrape interval (15 s when it sets none): the unit of every live deadline. */
    Duration scrapeInterval();
}
