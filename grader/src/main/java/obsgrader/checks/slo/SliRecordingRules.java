package obsgrader.checks.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;
import obsgrader.submission.Rule;

/** The lab's SLI recording rules exist and, on the live stack with traffic, return ratios in [0, 1]. */
@RubricCheck(id = "slo.recording-rules", title = "SLI recording rules sli:availability:ratio_rate5m and sli:latency:ratio_rate5m return ratios in [0, 1]", live = true)
public final class SliRecordingRules implements Check {
    private static final List<String> SLIS = List.of("sli:availability:ratio_rate5m", "sli:latency:ratio_rate5m");

    @Override
    public Verdict judge(GradingContext context) {
        Set<String> recorded = Rule.all(context.submission()).stream().filter(r -> !r.isAlert())
                .map(Rule::record).collect(Collectors.toSet());
        PrometheusApi prometheus = context.prometheus();
        ShopClient shop = context.shop();
        for (int i = 0; i < 10; i++) {
            shop.get("/api/products");
        }
        // a rate over 5m needs two scrapes of the traffic, then one evaluation
        Patience.waitUpTo(context.scrapeInterval().multipliedBy(3).plus(context.evaluationInterval()).plusSeconds(10), () -> SLIS.stream().allMatch(sli -> inUnitInterval(prometheus.value(sli))));
        List<String> problems = new ArrayList<>();
        for (String sli : SLIS) {
            double value = prometheus.value(sli);
            if (!recorded.contains(sli)) {
                problems.add(sli + " is not recorded by any rule");
            } else if (!inUnitInterval(value)) {
                problems.add(sli + " = " + (Double.isNaN(value) ? "no data" : value));
            }
        }
        return Verdict.live(Verdict.share(SLIS.size() - problems.size(), SLIS.size()))
                .expected("both SLIs recorded, each a ratio in [0, 1] after traffic")
                .found(problems.isEmpty() ? SLIS.stream().map(s -> s + " = " + String.format("%.3f", prometheus.value(s)))
                        .collect(Collectors.joining(", ")) : String.join("; ", problems))
                .at("GET /api/v1/query")
                .hint(problems.isEmpty() ? "" : "The latency SLI reads the le=\"0.3\" bucket: the histogram needs a 0.3 "
                        + "bucket, or the SLI returns no data.");
    }

    private static boolean inUnitInterval(double value) {
        return !Double.isNaN(value) && value >= 0 && value <= 1;
    }
}
