package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.Shell;
import obsgrader.images.StandInImages;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graded stack's containers reach each other and the grader reaches them, but they reach nothing else: neither
 * a canary of the test's own on a separate Docker network (published on the host's own address), nor a canary on
 * the host's non-loopback address, nor the host through the run's gateway. Every address is this machine's own.
 * A container outside the stack reaching both canaries shows that the cut, not the canaries, stops the stack.
 * One boot of two small services, about 30 s.
 */
class EgressSelfIT {
    private static final String IMAGE = "python:3.11-slim";
    private static final Duration DOCKER = Duration.ofSeconds(60);
    private static final String CANARY = UUID.randomUUID().toString().substring(0, 8);
    private static final String CANARY_NETWORK = "obsgrader-canary-" + CANARY;

    private static InetAddress hostAddress;
    private static HttpServer hostCanary;
    private static String canaryContainer;

    @TempDir
    static Path folder;

    @BeforeAll
    static void canaries() throws IOException {
        DockerEngine.ensureRunning();
        assertThat(StandInImages.fromCatalog().ensure(Set.of(IMAGE)).unavailable()).isEmpty();
        hostAddress = nonLoopbackAddress();
        hostCanary = HttpServer.create(new InetSocketAddress(hostAddress, 0), 0);
        hostCanary.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hostCanary.start();
        AbandonedRunSelfIT.docker("network", "create", CANARY_NETWORK);
        canaryContainer = AbandonedRunSelfIT.docker("run", "-d", "--network", CANARY_NETWORK, "-p", hostAddress.getHostAddress() + "::8000",
                IMAGE, "python", "-m", "http.server", "8000");
    }

    @AfterAll
    static void removeCanaries() {
        if (hostCanary != null) {
            hostCanary.stop(0);
        }
        if (canaryContainer != null) {
            AbandonedRunSelfIT.docker("rm", "-f", canaryContainer);
        }
        AbandonedRunSelfIT.docker("network", "rm", CANARY_NETWORK);
    }

    @Test
    void aGradedStackReachesOnlyItself() throws Exception {
        Files.writeString(folder.resolve("docker-compose.yml"), """
                services:
                  shop:
                    image: "python:3.11-slim"
                    command: [python, -m, http.server, "8000"]
                    ports: ["8000:8000"]
                  peer:
                    image: "python:3.11-slim"
                    command: [python, -m, http.server, "8001"]
                """);
        String canaryPort = AbandonedRunSelfIT.docker("port", canaryContainer, "8000").lines().findFirst().orElseThrow()
                .replaceAll(".*:", "");
        String hostCanaryUrl = "http://" + hostAddress.getHostAddress() + ":" + hostCanary.getAddress().getPort() + "/";
        String canaryNetworkUrl = "http://" + hostAddress.getHostAddress() + ":" + canaryPort + "/";
        String canaryDirectUrl = "http://" + AbandonedRunSelfIT.docker("inspect", "--format",
                "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", canaryContainer) + ":8000/";

        assertThat(fromOutside(List.of(hostCanaryUrl, canaryNetworkUrl)))
                .as("a container outside the stack reaches both canaries").containsOnly("reached");

        String runId;
        try (LabStack stack = SelfTestStacks.of(Submission.load(folder).compose().orElseThrow())
                .withRunFolder(folder.resolve("run")).start()) {
            runId = stack.runId();
            assertThat(stack.notes()).containsKey("egress").doesNotContainKey("egress not cut");
            String gateway = AbandonedRunSelfIT.docker("network", "inspect", "--format", "{{range .IPAM.Config}}{{.Gateway}}{{end}}",
                    AbandonedRunSelfIT.docker("network", "ls", "-q", "--filter", "label=" + ComposeSanitiser.RUN_LABEL + "=" + runId));
            String gatewayUrl = "http://" + gateway + ":" + hostCanary.getAddress().getPort() + "/";

            HttpRequest toShop = HttpRequest.newBuilder(stack.endpoint("shop", 8000).resolve("/"))
                    .timeout(Duration.ofSeconds(10)).build();
            int fromGrader = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> HttpClient.newHttpClient()
                    .send(toShop, HttpResponse.BodyHandlers.discarding()).statusCode(), status -> status == 200);
            Map<String, String> fromPeer = attempts(stack, List.of("http://shop:8000/", hostCanaryUrl, canaryNetworkUrl,
                    canaryDirectUrl, gatewayUrl));
            System.out.println("egress from a graded container: " + fromPeer);

            assertThat(fromGrader).as("the grader reaches the stack's published port").isEqualTo(200);
            assertThat(fromPeer.get("http://shop:8000/")).as("the stack's services reach each other").isEqualTo("reached");
            assertThat(fromPeer).as("nothing outside the stack is reached").allSatisfy((url, outcome) -> {
                if (!url.contains("shop")) {
                    assertThat(outcome).as(url).startsWith("blocked");
                }
            });
        }
        assertThat(Shell.run(DOCKER, "iptables", "-w", "-S").output()).as("the run's rules are gone")
                .doesNotContain("OBSG-" + runId);
    }

    /** Each URL's outcome from the stack's peer container: "reached", or "blocked: why". */
    private static Map<String, String> attempts(LabStack stack, List<String> urls) {
        Shell.Result tried = stack.exec("peer", DOCKER, "python", "-c", PROBE, String.join(" ", urls));
        return tried.output().lines().filter(line -> line.contains(" -> "))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(" -> ")),
                        line -> line.substring(line.indexOf(" -> ") + 4), (a, b) -> a, LinkedHashMap::new));
    }

    /** The same probe from a container of the engine's default bridge, outside any graded stack. */
    private static List<String> fromOutside(List<String> urls) {
        String output = AbandonedRunSelfIT.docker("run", "--rm", IMAGE, "python", "-c", PROBE, String.join(" ", urls));
        return output.lines().filter(line -> line.contains(" -> "))
                .map(line -> line.substring(line.indexOf(" -> ") + 4)).toList();
    }

    private static final String PROBE = """
            import sys, urllib.request
            for url in sys.argv[1].split():
                try:
                    urllib.request.urlopen(url, timeout=5)
                    print(url, "-> reached")
                except Exception as e:
                    print(url, "-> blocked:", e)
            """;

    private static InetAddress nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(EgressSelfIT::isUp)
                .filter(nic -> !nic.getName().matches("docker.*|br-.*|veth.*|obsg.*"))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElseThrow(() -> new IllegalStateException("this machine has no non-loopback IPv4 address"));
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
