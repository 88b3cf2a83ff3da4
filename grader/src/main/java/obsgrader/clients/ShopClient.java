package obsgrader.clients;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The TechShop as a customer reaches it: through nginx. */
public final class ShopClient {
    private final URI base;
    private final Consumer<Instant> answered;

    public ShopClient(URI base) {
        this(base, at -> { });
    }

    /** With a listener told when each request was answered (the API has counted it by then). */
    public ShopClient(URI base, Consumer<Instant> answered) {
        this.base = base;
        this.answered = answered;
    }

    public URI base() {
        return base;
    }

    /** A request's outcome, kept small for the report: method, path, status and the start of the body. */
    public record Reply(String request, int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return request + " -> " + (status < 0 ? "no answer (" + body + ")" : "HTTP " + status);
        }
    }

    /** One customer's visit, as the lab's scenario has it: the catalogue, a cart, an order. */
    public List<Reply> visit() {
        return List.of(get("/api/products"), post("/api/cart", "{\"product_id\": 1, \"quantity\": 1}"),
                post("/api/order", "{\"items\": [1]}"));
    }

    public Reply get(String path) {
        return call("GET " + path, () -> Http.request().baseUri(base.toString()).when().get(path));
    }

    public Reply post(String path, String json) {
        return call("POST " + path,
                () -> Http.request().baseUri(base.toString()).contentType(ContentType.JSON).body(json).when().post(path));
    }

    private Reply call(String request, Supplier<Response> send) {
        try {
            Response response = send.get();
            answered.accept(Instant.now());
            String body = response.asString();
            return new Reply(request, response.statusCode(), body.substring(0, Math.min(200, body.length())));
        } catch (RuntimeException e) {
            // the connection's own failure says it best ("Connection refused", "Read timed out"); a student reads no
            // exception's class name
            Throwable why = e instanceof NoAnswer && e.getCause() != null ? e.getCause() : e;
            return new Reply(request, -1, String.valueOf(why.getMessage()));
        }
    }
}
