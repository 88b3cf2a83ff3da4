package obsgrader.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import obsgrader.i18n.Messages;
import obsgrader.submission.Folders;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityTest {
    private static final Path REFERENCE = Path.of("../stack");
    private static final Path VARIANT = Path.of("src/test/resources/corpus/variants/french-alerts-many-files/submission");

    @TempDir
    Path folder;

    @Test
    void promqlIsComparedWithoutItsSpacingItsMatchersOrderOrWhereTheGroupingClauseStands() {
        assertThat(PromQl.normalise("sum(rate(http_requests_total{status=~\"5..\", job='api'}[5m])) by (endpoint, le) > 0.05"))
                .isEqualTo(PromQl.normalise("sum by(le,endpoint) ( rate( http_requests_total{job=\"api\",status=~\"5..\"} [5m] ) )>0.05"))
                .isEqualTo("sumby(endpoint,le)(rate(http_requests_total{job=\"api\",status=~\"5..\"}[5m]))>0.05");
        assertThat(PromQl.normalise("up == 0")).isNotEqualTo(PromQl.normalise("up == 1"));
    }

    @Test
    void aCopyWithRenamedAlertsAndReorderedPanelsIsFoundAnIndependentSubmissionIsNot() throws IOException {
        Path copy = folder.resolve("copy");
        Folders.copy(REFERENCE, copy);
        Disguise.copy(copy, true);
        Similarity similarity = new Similarity(List.of());

        List<Similarity.Pair> pairs = similarity.compare(List.of(similarity.profile("alice", Submission.load(REFERENCE)),
                similarity.profile("bob", Submission.load(copy)), similarity.profile("carol", Submission.load(VARIANT))));

        assertThat(pairs.get(0)).extracting(Similarity.Pair::left, Similarity.Pair::right).containsExactly("alice", "bob");
        assertThat(pairs.get(0).score()).isGreaterThan(0.9);
        assertThat(pairs.get(0).parts()).containsOnlyKeys(Similarity.Part.RULES, Similarity.Part.DASHBOARDS);
        assertThat(pairs.subList(1, 3)).allSatisfy(pair -> assertThat(pair.score()).isLessThan(Similarity.DEFAULT_THRESHOLD));

        Path page = folder.resolve(SimilarityPage.FILE);
        SimilarityPage.write(SimilarityPage.atOrAbove(pairs, Similarity.DEFAULT_THRESHOLD), Similarity.DEFAULT_THRESHOLD,
                Messages.ENGLISH, page);
        // side by side, the renamed alert's name marked, the same PromQL on both sides
        assertThat(Files.readString(page)).contains("<h2 id=\"alice--bob\">alice and bob: ")
                .containsPattern("<tr><td>alert: <mark>\\w+</mark></td><td>alert: <mark>Alerte\\d+</mark></td></tr>")
                .doesNotContain("carol");
    }

    @Test
    void whatTheHandoutGivesEveryoneIsNotSimilarity() throws IOException {
        String handoutRules = """
                groups:
                  - name: lab
                    rules:
                      - alert: InstanceDown
                        expr: up == 0
                      - alert: HighActiveRequests
                        expr: http_requests_active > 50
                      - alert: HighMemory
                        expr: (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes) * 100 > 85
                """;
        Similarity similarity = new Similarity(List.of());
        List<Similarity.Profile> twins = List.of(student("dan", handoutRules), student("eve", handoutRules.replace("Instance", "Node")));

        Similarity.Pair pair = similarity.compare(twins).get(0);

        assertThat(twins.get(0).fragments().get(Similarity.Part.RULES)).isEmpty();
        assertThat(pair.score()).isZero();
    }

    private Similarity.Profile student(String name, String rules) throws IOException {
        Path submission = Files.createDirectories(folder.resolve(name));
        Files.writeString(submission.resolve("prometheus.yml"), "rule_files: [alerts.yml]\n");
        Files.writeString(submission.resolve("alerts.yml"), rules);
        return new Similarity(List.of()).profile(name, Submission.load(submission));
    }
}
