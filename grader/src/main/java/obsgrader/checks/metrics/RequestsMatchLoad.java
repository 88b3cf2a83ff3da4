package obsgrader.checks.metrics;

import static obsgrader.i18n.Message.msg;

import java.util.ArrayList;
import java.util.List;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.ShopRequest;

/** Every request Gatling sent through nginx shows up, endpoint by endpoint, in the API's request counter. */
@RubricCheck(id = "metrics.requests-match-load", title = "http_requests_total grows by the requests Gatling sent, endpoint by endpoint", live = true)
public final class RequestsMatchLoad implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        LoadResults load = context.load();
        LoadWindow window = LoadWindow.of(context, load);
        List<String> counts = new ArrayList<>();
        int matching = 0;
        double countedInAll = 0;
        long sentInAll = 0;
        for (ShopRequest request : ShopRequest.values()) {
            double counted = window.increase(selector(request));
            countedInAll += counted;
            sentInAll += load.sent(request);
            matching += LoadCounts.match(counted, load.sent(request)) ? 1 : 0;
            counts.add(request.path() + ": " + LoadCounts.describe(counted, load.sent(request)));
        }
        int endpoints = ShopRequest.values().length;
        return Verdict.live(Verdict.share(matching, endpoints))
                .expected("for each endpoint, the increase of http_requests_total equal to the requests sent, "
                        + LoadCounts.tolerance() + (window.scrapedAfterLoad() ? "" : " (no scrape of the API came after the load)"))
                .found(String.join("; ", counts))
                .at("GET /api/v1/query?query=" + window.increaseQuery(selector(ShopRequest.BROWSE)))
                .hint(matching == endpoints ? "" : "Count every request in after_request, with the endpoint label set "
                        + "to the request path, and scrape each API instance once.")
                .measured(msg("metrics.requests-match-load.measured", Math.round(countedInAll), sentInAll, endpoints))
                .attach("Prometheus against Gatling", String.join("\n", counts))
                .attach("load phase (Gatling)", load.summary())
                .picture(msg("metrics.requests-match-load.chart"), "charts/load.png", LoadPicture.of(window, load));
    }

    static String selector(ShopRequest request) {
        return "http_requests_total{endpoint=\"" + request.path() + "\"}";
    }
}
