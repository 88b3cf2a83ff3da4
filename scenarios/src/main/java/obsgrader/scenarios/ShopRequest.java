package obsgrader.scenarios;

/**
 * The shop's requests as the load sends them: the label people read in Gatling's report, and the API path it
 * reaches through nginx (what the API counts in {@code http_requests_total{endpoint}}).
 */
public enum ShopRequest {
    BROWSE("browse products", "/api/products"),
    ADD_TO_CART("add to cart", "/api/cart"),
    ORDER("order", "/api/order"),
    SLOW_PAGE("open the slow page", "/api/slow");

    private final String label;
    private final String path;

    ShopRequest(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }
}
