package obsgrader.checks.deployed;

import static obsgrader.i18n.Message.msg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import obsgrader.checks.Check;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.clients.ShopClient;
import obsgrader.clients.ShopClient.Reply;
import obsgrader.submission.LabRole;

/**
 * A customer's visit works through nginx: health, catalogue, cart and order. A stack without nginx is visited at
 * its API itself: the missing nginx is charged once, under the lab's services.
 */
@Needs(Need.SHOP)
@RubricCheck(id = "deployed.shop-through-nginx", live = true)
public final class ShopThroughNginx implements Check {
    /** The API fails about 5 % of orders on purpose: a few tries tell that from a broken order path. */
    private static final int ORDER_TRIES = 5;

    @Override
    public Verdict judge(GradingContext context) {
        ShopClient shop = context.shop();
        Patience.waitUpTo(Duration.ofSeconds(60), () -> shop.get("/health").ok());
        List<Reply> replies = new ArrayList<>(List.of(
                shop.get("/health"),
                shop.get("/api/products"),
                shop.post("/api/cart", "{\"product_id\": 1, \"quantity\": 1}")));
        replies.add(IntStream.range(0, ORDER_TRIES)
                .mapToObj(i -> shop.post("/api/order", "{\"items\": [1]}"))
                .filter(Reply::ok).findFirst()
                .orElseGet(() -> shop.post("/api/order", "{\"items\": [1]}")));
        List<Reply> failed = replies.stream().filter(r -> !r.ok()).toList();
        return Verdict.live(Verdict.share(replies.size() - failed.size(), replies.size()))
                .expected(msg("deployed.shop-through-nginx.expected"))
                .found(failed.isEmpty() ? msg("deployed.shop-through-nginx.all") : Message.verbatim(failed))
                .at(context.submission().compose().flatMap(c -> c.serviceFor(LabRole.NGINX)).isPresent()
                        ? Message.verbatim(shop.base()) : msg("deployed.shop-through-nginx.at-api", shop.base()))
                .hint(failed.isEmpty() ? Message.NONE : msg("deployed.shop-through-nginx.hint"))
                .measured(msg("deployed.shop-through-nginx.measured", replies.size()))
                .attach("requests", replies.stream().map(Reply::toString).reduce("", (a, b) -> a + b + "\n"));
    }
}
