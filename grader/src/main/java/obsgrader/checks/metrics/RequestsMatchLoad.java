package obsgrader.checks.metrics;

import static obsgrader.i18n.Message.msg;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.ShopRequest;

/** Every request Gatling sent through nginx shows up, endpoint by endpoint, in the API's request counter. */
@Needs(Need.LOAD)
@RubricCheck(id = "metrics.requests-match-load", title = "http_requests_total grows by the requests Gatling sent, endpoint by endpoint", live = true)
public final class RequestsMatchLoad implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        LoadResults load = context.load();
        LoadWindow window = LoadWindow.of(context, load);
        List<Message> counts = new ArrayList<>();
        int matching = 0;
        double countedInAll = 0;
        long sentInAll = 0;
        for (ShopRequest request : ShopRequest.values()) {
            double counted = window.increase(selector(request));
            countedInAll += counted;
            sentInAll += load.sent(request);
            matching += LoadCounts.match(counted, load.sent(request)) ? 1 : 0;
            counts.add(msg("metrics.requests-match-load.count", request.path(), LoadCounts.describe(counted, load.sent(request))));
        }
        int endpoints = ShopRequest.values().length;
        return Verdict.live(Verdict.share(matching, endpoints))
                .expected(msg(window.scrapedAfterLoad() ? "metrics.requests-match-load.expected"
                        : "metrics.requests-match-load.expected-no-scrape", LoadCounts.tolerance()))
                .found(Message.clauses(counts))
                .at(msg("metrics.query-at", window.increaseQuery(selector(ShopRequest.BROWSE))))
                .hint(matching == endpoints ? Message.NONE : msg("metrics.requests-match-load.hint"))
                .measured(msg("metrics.requests-match-load.measured", Math.round(countedInAll), sentInAll, endpoints))
                .attach("Prometheus against Gatling", counts.stream().map(Message::toString).collect(Collectors.joining("\n")))
                .attach("load phase (Gatling)", load.summary())
                .picture(msg("metrics.requests-match-load.chart"), "charts/load.png", LoadPicture.of(window, load));
    }

    static String selector(ShopRequest request) {
        return "http_requests_total{endpoint=\"" + request.path() + "\"}";
    }
}
