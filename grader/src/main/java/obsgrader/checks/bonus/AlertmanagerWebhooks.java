package obsgrader.checks.bonus;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.submission.Submission;

/** The webhook receivers of the submission's alertmanager.yml. */
final class AlertmanagerWebhooks {
    /** One webhook_configs entry; send_resolved is Alertmanager's default (true) when not set. */
    record Webhook(String receiver, String url, boolean sendResolved, boolean routed, Path file, int line) {
        /** The URL's host, when the URL is given inline (url_file names a file read at run time). */
        Optional<String> host() {
            try {
                return Optional.ofNullable(URI.create(url.trim()).getHost());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private AlertmanagerWebhooks() {
    }

    static List<Webhook> of(Submission submission) {
        List<Webhook> webhooks = new ArrayList<>();
        submission.alertmanagerConfig().ifPresent(file -> {
            JsonNode config = submission.parse(file).tree();
            Set<String> routed = new LinkedHashSet<>();
            collectReceivers(config.path("route"), routed);
            for (JsonNode receiver : config.path("receivers")) {
                String name = receiver.path("name").asText();
                for (JsonNode webhook : receiver.path("webhook_configs")) {
                    String url = webhook.path("url").asText(webhook.path("url_file").asText(""));
                    webhooks.add(new Webhook(name, url, webhook.path("send_resolved").asBoolean(true), routed.contains(name),
                            file, SubmissionFiles.lineOf(file, url.isEmpty() ? "name: " + name : url)));
                }
            }
        });
        return webhooks;
    }

    /** The receivers the routing tree sends to: the route's and every sub-route's. */
    private static void collectReceivers(JsonNode route, Set<String> receivers) {
        if (route.hasNonNull("receiver")) {
            receivers.add(route.get("receiver").asText());
        }
        route.path("routes").forEach(child -> collectReceivers(child, receivers));
    }
}
