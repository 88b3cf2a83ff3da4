package obsgrader.scenarios;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** The shopping journey: a customer browses the catalogue, adds to the cart, and orders. */
public class ShoppingJourneySimulation extends Simulation {
    private final SimulationContext run = SimulationContext.current();
    private final double customersPerSecond = run.knobs().perSecond("load.journey.rate", 5);
    private final Duration lasting = run.knobs().seconds("load.journey.seconds", 20);
    private final Duration thinking = Duration.ofMillis(300);

    private final ScenarioBuilder shopping = scenario("customers buying")
            .exec(Shop.browse()).pause(thinking)
            .exec(Shop.addToCart()).pause(thinking)
            .exec(Shop.order());

    private final Assertion everyCartAccepted = details(ShopRequest.ADD_TO_CART.label()).failedRequests().count().is(0L);
    /** The API fails about 5 % of payments on purpose; three times that is a broken order path. */
    private final Assertion ordersMostlyPaid = details(ShopRequest.ORDER.label()).failedRequests().percent().lt(15.0);

    {
        setUp(shopping.injectOpen(constantUsersPerSec(customersPerSecond).during(lasting)))
                .protocols(Shop.protocol(run))
                .assertions(everyCartAccepted, ordersMostlyPaid);
    }
}
