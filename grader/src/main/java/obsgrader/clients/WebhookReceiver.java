package obsgrader.clients;

import io.restassured.response.Response;
import java.net.URI;
import java.util.Optional;

/** A webhook receiver of the stack, reached from the host: what it shows on GET (the reference's lists what it got). */
public final class WebhookReceiver {
    private final URI url;

    public WebhookReceiver(URI url) {
        this.url = url;
    }

    public URI url() {
        return url;
    }

    /** The body of {@code GET url}; empty when the receiver does not answer it with 200. */
    public Optional<String> shown() {
        try {
            Response response = Http.request().when().get(url);
            return response.statusCode() == 200 ? Optional.of(response.asString()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
