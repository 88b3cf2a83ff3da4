package obsgrader.checks.metrics;

import static obsgrader.i18n.Message.msg;

import java.util.ArrayList;
import java.util.List;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.ShopRequest;

/**
 * The business counters follow the shopping journeys: one {@code orders_total} per order, one cart value
 * observed per cart, and about the 5 % of payments the API fails on purpose counted as failed orders.
 */
@Needs(Need.LOAD)
@RubricCheck(id = "metrics.business-counters", title = "orders_total and cart_value_euros_count grow by the orders and carts sent, with about 5 % of orders failed", live = true)
public final class OrdersAndCartsMatchLoad implements Check {
    private static final String ORDERS = "orders_total";
    private static final String FAILED_ORDERS = "orders_total{status=\"failed\"}";
    private static final String CARTS = "cart_value_euros_count";
    /** The API fails this share of payments on purpose. */
    private static final double PAYMENT_FAILURES = 0.05;
    /** How many standard deviations of a binomial draw still count as "about 5 %". */
    private static final double SPREAD = 4;

    @Override
    public Verdict judge(GradingContext context) {
        LoadResults load = context.load();
        LoadWindow window = LoadWindow.of(context, load);
        long orders = load.sent(ShopRequest.ORDER);
        long refused = load.failed(ShopRequest.ORDER);
        long carts = load.sent(ShopRequest.ADD_TO_CART);
        double ordersCounted = window.increase(ORDERS);
        double failedCounted = window.increase(FAILED_ORDERS);
        double cartsCounted = window.increase(CARTS);
        List<Message> wrong = new ArrayList<>();
        if (!LoadCounts.match(ordersCounted, orders)) {
            wrong.add(msg("metrics.business-counters.orders"));
        }
        if (!LoadCounts.match(cartsCounted, carts)) {
            wrong.add(msg("metrics.business-counters.carts"));
        }
        if (!LoadCounts.match(failedCounted, refused) || !aboutTheApisFailureRate(failedCounted, ordersCounted)) {
            wrong.add(msg("metrics.business-counters.failed-orders"));
        }
        Message found = msg("metrics.business-counters.found", LoadCounts.describe(ordersCounted, orders),
                LoadCounts.describe(cartsCounted, carts), refused, Math.round(failedCounted), shareOfOrders(failedCounted, ordersCounted));
        return Verdict.live(Verdict.share(3 - wrong.size(), 3))
                .expected(msg("metrics.business-counters.expected", LoadCounts.tolerance(), FAILED_ORDERS,
                        Math.round(PAYMENT_FAILURES * 100)))
                .found(found)
                .at(msg("metrics.query-at", window.increaseQuery(ORDERS)))
                .hint(wrong.isEmpty() ? Message.NONE : msg("metrics.business-counters.hint", wrong))
                .measured(found)
                .attach("Prometheus against Gatling", found.toString().replace("; ", "\n"));
    }

    /** Within {@link #SPREAD} standard deviations of the API's failure rate, for that many orders. */
    static boolean aboutTheApisFailureRate(double failed, double orders) {
        if (orders < 1) {
            return false;
        }
        double spread = SPREAD * Math.sqrt(PAYMENT_FAILURES * (1 - PAYMENT_FAILURES) / orders);
        return Math.abs(failed / orders - PAYMENT_FAILURES) <= spread;
    }

    private static Message shareOfOrders(double failed, double orders) {
        return orders < 1 ? msg("metrics.business-counters.no-order") : msg("metrics.business-counters.share", 100 * failed / orders);
    }
}
