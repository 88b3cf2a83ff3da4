package obsgrader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import obsgrader.i18n.Messages;
import org.junit.jupiter.api.Test;

class AllureFilesTest {
    @Test
    void aSkipIsEitherABonusNotAttemptedOrACheckNotAssessedInEitherLanguage() {
        for (Messages messages : List.of(Messages.ENGLISH, Messages.FRENCH)) {
            JsonNode categories = AllureFiles.categories(messages);
            String bonus = "0/2.5 points, " + messages.get("report.junit.bonus-not-attempted", "found no Loki service");
            String notAssessed = "0/6 points, " + messages.get("report.reason.not-assessed", "static mode");

            assertThat(matching(categories, "skipped", bonus)).containsExactly(messages.get("report.allure.category.bonus"));
            assertThat(matching(categories, "skipped", notAssessed))
                    .containsExactly(messages.get("report.allure.category.not-assessed"));
            assertThat(matching(categories, "broken", "anything")).containsExactly(messages.get("report.allure.category.grader"));
            assertThat(matching(categories, "failed", "-3 points")).containsExactly(messages.get("report.allure.category.lost"));
        }
    }

    /** The categories a result falls in, as Allure matches them: status, then the whole message against the regex. */
    private static List<String> matching(JsonNode categories, String status, String message) {
        List<String> names = new ArrayList<>();
        for (JsonNode category : categories) {
            boolean statusMatches = false;
            for (JsonNode matched : category.path("matchedStatuses")) {
                statusMatches |= matched.asText().equals(status);
            }
            String regex = category.path("messageRegex").asText(".*");
            if (statusMatches && Pattern.compile(regex).matcher(message).matches()) {
                names.add(category.path("name").asText());
            }
        }
        return names;
    }
}
