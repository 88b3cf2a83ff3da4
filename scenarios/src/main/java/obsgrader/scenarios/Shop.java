package obsgrader.scenarios;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The steps a customer takes in the TechShop, named so that simulations read as a visit. Built when a
 * simulation is (Gatling's DSL only works inside a run).
 */
final class Shop {
    private Shop() {
    }

    /** Every simulation's HTTP protocol: its run's nginx on the loopback interface, no warm-up call elsewhere. */
    static HttpProtocolBuilder protocol(SimulationContext run) {
        return http.baseUrl(run.target().shop().toString())
                .disableWarmUp()
                .acceptHeader("application/json")
                .userAgentHeader("obsgrader-gatling");
    }

    static HttpRequestActionBuilder browse() {
        return http(ShopRequest.BROWSE.label()).get(ShopRequest.BROWSE.path());
    }

    static HttpRequestActionBuilder addToCart() {
        return http(ShopRequest.ADD_TO_CART.label()).post(ShopRequest.ADD_TO_CART.path())
                .body(StringBody("{\"product_id\": 1, \"quantity\": 1}")).asJson();
    }

    static HttpRequestActionBuilder order() {
        return http(ShopRequest.ORDER.label()).post(ShopRequest.ORDER.path()).body(StringBody("{\"items\": [1]}")).asJson();
    }

    static HttpRequestActionBuilder openSlowPage() {
        return http(ShopRequest.SLOW_PAGE.label()).get(ShopRequest.SLOW_PAGE.path());
    }
}
