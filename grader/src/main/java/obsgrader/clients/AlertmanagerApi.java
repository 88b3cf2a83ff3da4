package obsgrader.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Alertmanager HTTP API (v2) of a booted stack, and its own metrics. */
public final class AlertmanagerApi {
    /** One sample line of the text exposition format: name, labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(\\w+)\\{([^}]*)}\\s+(\\S+)$");

    private final URI base;

    public AlertmanagerApi(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public boolean ready() {
        return Http.status(base.resolve("/-/ready")) == 200;
    }

    public JsonNode alerts() {
        return Http.getJson(base, "/api/v2/alerts");
    }

    public JsonNode status() {
        return Http.getJson(base, "/api/v2/status");
    }

    /** {@code POST /api/v2/alerts}: alerts as Prometheus sends them (labels, annotations, startsAt, endsAt). */
    public void post(JsonNode alerts) {
        int status = Http.request().baseUri(base.toString()).contentType(ContentType.JSON).body(alerts.toString())
                .when().post("/api/v2/alerts").statusCode();
        if (status != 200) {
            throw NoAnswer.unusable("POST /api/v2/alerts", "HTTP " + status);
        }
    }

    /** A counter of Alertmanager's own {@code /metrics}, summed by one label, e.g. notifications by integration. */
    public Map<String, Double> counterBy(String metric, String label) {
        String text = Http.request().baseUri(base.toString()).when().get("/metrics").asString();
        Pattern labelValue = Pattern.compile("\\b" + Pattern.quote(label) + "=\"([^\"]*)\"");
        Map<String, Double> sums = new TreeMap<>();
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            Matcher value = labelValue.matcher(sample.group(2));
            if (sample.group(1).equals(metric) && value.find()) {
                sums.merge(value.group(1), Double.parseDouble(sample.group(3)), Double::sum);
            }
        }
        return sums;
    }
}
