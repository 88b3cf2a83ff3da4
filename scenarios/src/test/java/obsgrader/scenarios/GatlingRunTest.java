package obsgrader.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny Gatling runs against a throwaway shop on 127.0.0.1: the launcher and the simulation.log reader. */
class GatlingRunTest {
    /** The throwaway shop refuses every third order, as a payment failure would. */
    private static final int FAIL_EVERY_NTH_ORDER = 3;

    private static HttpServer shop;
    private static final AtomicInteger orders = new AtomicInteger();
    private static final AtomicInteger failedOrders = new AtomicInteger();
    private static final AtomicInteger browsed = new AtomicInteger();

    @TempDir
    Path reports;

    @BeforeAll
    static void openShop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/api/products", exchange -> {
            browsed.incrementAndGet();
            answer(exchange, 200);
        });
        shop.createContext("/api/cart", exchange -> answer(exchange, 200));
        shop.createContext("/api/order", exchange ->
                answer(exchange, orders.incrementAndGet() % FAIL_EVERY_NTH_ORDER == 0 ? fail() : 200));
        shop.setExecutor(Executors.newFixedThreadPool(4));
        shop.start();
    }

    private static int fail() {
        failedOrders.incrementAndGet();
        return 500;
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static URI shopUrl() {
        return URI.create("http://127.0.0.1:" + shop.getAddress().getPort());
    }

    @AfterAll
    static void closeShop() {
        shop.stop(0);
    }

    @Test
    void aRunIsReadBackFromItsSimulationLog() {
        Knobs knobs = Knobs.defaults().with("load.normal.rate", 20).with("load.normal.seconds", 1);

        SimulationResult result = GatlingRun.run(NormalLoadSimulation.class, new LoadTarget(shopUrl(), knobs), reports);

        assertThat(result.of(ShopRequest.BROWSE).count()).isEqualTo(20);
        assertThat(result.of(ShopRequest.BROWSE).failed()).isZero();
        assertThat(result.all().count()).isEqualTo(20);
        assertThat(result.of(ShopRequest.BROWSE).p95()).isLessThan(300);
        assertThat(result.assertionsHeld()).isTrue();
        assertThat(result.report().resolve("index.html")).exists();
        assertThat(result.report().getParent()).isEqualTo(reports);
    }

    @Test
    void failedOrdersAreCountedAsKoAndTheLoadPhaseAddsThemUp() {
        Knobs knobs = Knobs.defaults().with("load.journey.rate", 10).with("load.journey.seconds", 1);
        orders.set(0);
        failedOrders.set(0);

        SimulationResult journey = GatlingRun.run(ShoppingJourneySimulation.class, new LoadTarget(shopUrl(), knobs), reports);
        LoadResults load = new LoadResults(List.of(journey));

        assertThat(load.sent(ShopRequest.BROWSE)).isEqualTo(10);
        assertThat(load.sent(ShopRequest.ADD_TO_CART)).isEqualTo(10);
        assertThat(load.sent(ShopRequest.ORDER)).isEqualTo(orders.get()).isEqualTo(10);
        assertThat(load.failed(ShopRequest.ORDER)).isEqualTo(failedOrders.get()).isEqualTo(10 / FAIL_EVERY_NTH_ORDER);
        assertThat(load.failed(ShopRequest.SLOW_PAGE)).isZero();
        assertThat(journey.assertionsHeld()).as("a third of the orders failing breaks ordersMostlyPaid").isFalse();
        assertThat(load.wallTime()).isPositive();
    }

    @Test
    void aBurstToldToStopEndsLongBeforeItsTimeIsUp() throws InterruptedException {
        CountDownLatch slowPagesServed = new CountDownLatch(3);
        shop.createContext("/api/slow", exchange -> {
            answer(exchange, 200);
            slowPagesServed.countDown();
        });
        LoadTarget target = new LoadTarget(shopUrl(), Knobs.defaults().with("burst.slow.rate", 5));

        SimulationResult burst;
        try (IncidentBurst running = IncidentBurst.start(target, reports, Duration.ofSeconds(60))) {
            assertThat(slowPagesServed.await(30, TimeUnit.SECONDS)).as("the burst is under way").isTrue();
            burst = running.finish();
        }

        assertThat(burst.wallTime()).isLessThan(Duration.ofSeconds(30));
        // Not 3: a page served as the stop arrives may never be logged by Gatling, which stops first.
        assertThat(burst.of(ShopRequest.SLOW_PAGE).count()).isPositive();
        assertThat(burst.report().resolve("index.html")).exists();
    }

    /**
     * Two runs launched at once from two threads, as two students of a batch are: each run's load reaches its
     * own shop only, at its own knobs, and stopping one burst leaves the other going.
     */
    @Test
    void twoRunsAtOnceEachLoadTheirOwnShop(@TempDir Path otherReports) throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger otherBrowsed = new AtomicInteger();
        AtomicInteger otherSlow = new AtomicInteger();
        other.createContext("/api/products", exchange -> {
            otherBrowsed.incrementAndGet();
            answer(exchange, 200);
        });
        other.createContext("/api/slow", exchange -> {
            otherSlow.incrementAndGet();
            answer(exchange, 200);
        });
        other.setExecutor(Executors.newFixedThreadPool(4));
        other.start();
        browsed.set(0);
        try {
            URI otherUrl = URI.create("http://127.0.0.1:" + other.getAddress().getPort());
            Knobs one = Knobs.defaults().with("load.normal.rate", 10).with("load.normal.seconds", 2);
            Knobs two = Knobs.defaults().with("load.normal.rate", 15).with("load.normal.seconds", 2);
            var pool = Executors.newFixedThreadPool(2);
            var first = pool.submit(() -> GatlingRun.run(NormalLoadSimulation.class, new LoadTarget(shopUrl(), one), reports));
            var second = pool.submit(() -> GatlingRun.run(NormalLoadSimulation.class, new LoadTarget(otherUrl, two), otherReports));
            assertThat(first.get().of(ShopRequest.BROWSE).count()).isEqualTo(20).isEqualTo(browsed.get());
            assertThat(second.get().of(ShopRequest.BROWSE).count()).isEqualTo(30).isEqualTo(otherBrowsed.get());

            Knobs bursting = Knobs.defaults().with("burst.slow.rate", 5).with("burst.orders.rate", 1);
            try (IncidentBurst stopped = IncidentBurst.start(new LoadTarget(shopUrl(), bursting), reports, Duration.ofSeconds(60));
                 IncidentBurst going = IncidentBurst.start(new LoadTarget(otherUrl, bursting), otherReports, Duration.ofSeconds(60))) {
                Thread.sleep(3_000);
                stopped.finish();
                int slowWhenTheFirstStopped = otherSlow.get();
                Thread.sleep(3_000);
                assertThat(otherSlow.get()).as("the other burst goes on").isGreaterThan(slowWhenTheFirstStopped);
                assertThat(going.finish().wallTime()).isLessThan(Duration.ofSeconds(30));
            }
            pool.shutdown();
        } finally {
            other.stop(0);
        }
    }

    @Test
    void onlyTheLoopbackInterfaceIsLoaded() {
        assertThat(LoadTarget.loopback("http://127.0.0.1:8080")).hasPort(8080);
        assertThat(LoadTarget.loopback("http://localhost")).hasHost("localhost");
        assertThatThrownBy(() -> LoadTarget.loopback("http://10.1.2.3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a loopback address");
    }
}
