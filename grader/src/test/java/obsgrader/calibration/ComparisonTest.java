package obsgrader.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's own logic: hand scores read in the three spellings of the set, paired by place, the arithmetic. */
class ComparisonTest {
    private static final String DASHED = """
            total: 40/100

            Some prose about the stack: 3/4 of it is fine.

            ## Stack deployed and working — 9/20
            - Compose valid, the 12 lab services present — 2/4: 6 of the 12.
            - All services running — 6/6: judged from files.
            - Shop reachable through nginx — 0/4: none.
            - Prometheus, Alertmanager, Grafana healthy — 3/3: fine.
            - Volumes for data, depends_on sane — 1.5/3: no depends_on.

            ## Complete, readable dashboard — 7/20
            - Datasource provisioned — 3/3: `datasources/prom.yml`.
            - Dashboard provisioned and exported JSON present — 0/3: none.
            - The 14 panels of the 5 rows with their types — 4/8: half.
              - Matching: 1/2 of them, indented, a reason.
            - Every panel query returns data — 0/4: none.
            - Readability — 1/2: no units.

            A grader must cope with:
            - a `version:` key: 1/2 of students write it.
            """;

    private static final String COLON = """
            ## Deployed (5/20)
            - Compose valid and the 12 lab services present: 2/4. Five of them.
            - Shop reachable through nginx (`/health`, `/api/products`, cart, order): 0/4. No nginx.

            ## Bonus (0/10)
            - None.
            """;

    private static final String MAX_FIRST = """
            ## Metrics collected correctly: 12/20
            - a job per target incl. blackbox relabelling, promtool check config (5): 3.5. Four of the seven jobs.
            - every target UP (7): 4, judged from files.

            ## SLOs defined and monitored: 0/10
            - SLO document (3 SLIs, targets, justifications, budget): 0/3. None.
            - SLI recording rules in [0,1] (3): 0. None.
            - SLO alerts + budget/burn-rate (4): 2. At the SLO thresholds.
            """;

    @Test
    void readsTheDashedSpellingAndSkipsProseSubItemsAndTheClosingList() {
        HandScore hand = HandScore.parse("a", DASHED);

        assertThat(hand.criteria().keySet()).containsExactly("deployed", "dashboard");
        assertThat(hand.criteria().get("deployed")).hasSize(5);
        assertThat(hand.criteria().get("dashboard")).hasSize(5);
        assertThat(hand.item("deployed", 4).orElseThrow()).isEqualTo(new HandScore.Item("Volumes for data, depends_on sane", 1.5, 3));
        assertThat(hand.item("dashboard", 2).orElseThrow().fraction()).isEqualTo(0.5);
    }

    @Test
    void readsTheColonSpellingEvenWithParenthesesInTheLine() {
        HandScore hand = HandScore.parse("b", COLON);

        assertThat(hand.criteria().get("deployed")).extracting(HandScore.Item::awarded).containsExactly(2.0, 0.0);
        assertThat(hand.item("deployed", 1).orElseThrow().line()).startsWith("Shop reachable through nginx (`/health`");
        assertThat(hand.criteria().get("bonus")).isEmpty();
    }

    @Test
    void readsTheMaximumFirstSpelling() {
        HandScore hand = HandScore.parse("c", MAX_FIRST);

        assertThat(hand.item("metrics", 0).orElseThrow()).isEqualTo(new HandScore.Item(
                "a job per target incl. blackbox relabelling, promtool check config", 3.5, 5));
        assertThat(hand.item("metrics", 1).orElseThrow().awarded()).isEqualTo(4);
        assertThat(hand.item("slo", 0).orElseThrow().max()).isEqualTo(3);
        assertThat(hand.item("slo", 2).orElseThrow().fraction()).isEqualTo(0.5);
    }

    @Test
    void comparesFractionsInTheGradersPointsAndLeavesMissingItemsOut() {
        Map<String, double[]> graded = new HashMap<>();
        graded.put("deployed.compose-services", new double[] {4, 4});   // hand 2/4: +2
        graded.put("deployed.volumes-depends", new double[] {3, 3});    // hand 1.5/3: +1.5
        graded.put("dashboard.datasource", new double[] {0, 3});        // hand 3/3: -3
        graded.put("dashboard.panels", new double[] {4, 8});            // hand 4/8: 0
        graded.put("dashboard.readability", new double[] {1, 1});       // hand 1/2 of a line of 1 point now: +0.5
        Comparison comparison = new Comparison();

        Comparison.Stack stack = comparison.add("a", graded, HandScore.parse("a", DASHED));

        assertThat(stack.lines()).extracting(Comparison.Line::check).containsExactly("deployed.compose-services",
                "deployed.volumes-depends", "dashboard.datasource", "dashboard.panels", "dashboard.readability");
        assertThat(stack.unpaired()).contains("dashboard.provisioned", "metrics.scrape-jobs", "docs.readme");
        assertThat(stack.off()).isCloseTo(7, within(1e-9));
        assertThat(stack.signed()).isCloseTo(1, within(1e-9));
        assertThat(stack.hand()).isCloseTo(2 + 1.5 + 3 + 4 + 0.5, within(1e-9));
    }

    @Test
    void sumsUpTheSetAndSaysWhichSideIsFavoured() {
        Comparison comparison = new Comparison();
        comparison.add("low", Map.of("metrics.scrape-jobs", new double[] {0, 5}), HandScore.parse("low", MAX_FIRST));
        comparison.add("high", Map.of("metrics.scrape-jobs", new double[] {5, 5}), HandScore.parse("high", MAX_FIRST));

        assertThat(comparison.meanOff()).isCloseTo((3.5 + 1.5) / 2, within(1e-9));
        assertThat(comparison.meanSigned()).isCloseTo((-3.5 + 1.5) / 2, within(1e-9));
        assertThat(comparison.worst().orElseThrow().name()).isEqualTo("low");
        assertThat(comparison.within(3)).isEqualTo(1);
        assertThat(comparison.byLine()).containsOnlyKeys("metrics.scrape-jobs");
        assertThat(comparison.render()).contains("mean off 2.50 per stack", "worst 3.5 (low)", "2 of 2 within 5",
                "signed mean -1.00 (the grader is lower)");
        assertThat(comparison.tsv()).contains("high\tmetrics.scrape-jobs\t5\t5.00\t3.50\t+1.50");
    }
}
