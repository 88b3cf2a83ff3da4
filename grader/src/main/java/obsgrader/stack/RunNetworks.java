package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import obsgrader.i18n.Message;

/**
 * The networks of a sanitised compose file made the run's own: bridges, created by this run under names
 * {@link Egress} knows before they exist. What would put a container on a network outside the run (an external
 * network, a fixed network name, {@code network_mode} other than {@code none} or another service) is refused:
 * egress could not be cut there.
 */
final class RunNetworks {
    private RunNetworks() {
    }

    /** Rewrites the file's network definitions in place; returns the bridge names, in the definitions' order. */
    static List<String> contain(ObjectNode compose, String runId, List<Message> changes) {
        List<Message> refusals = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(service -> {
            String mode = service.getValue().path("network_mode").asText("none");
            if (!"none".equals(mode) && !mode.startsWith("service:")) {
                refusals.add(msg("grader.refused.network-mode", service.getKey(), mode));
            }
        });
        ObjectNode networks = (ObjectNode) compose.get("networks");
        List<String> names = new ArrayList<>();
        networks.fieldNames().forEachRemaining(names::add);
        if (names.size() > Egress.MAX_NETWORKS) {
            refusals.add(msg("grader.refused.networks", names.size(), Egress.MAX_NETWORKS));
        }
        List<String> bridges = new ArrayList<>();
        for (String name : names) {
            ObjectNode network = networks.get(name) instanceof ObjectNode o ? o : networks.putObject(name);
            if (network.path("external").asBoolean(false) || network.path("external").isObject()) {
                refusals.add(msg("grader.refused.external-network", name));
                continue;
            }
            if (network.remove("name") != null) {
                changes.add(msg("grader.sanitised.network-name", name));
            }
            if (!"bridge".equals(network.path("driver").asText("bridge"))) {
                changes.add(msg("grader.sanitised.network-driver", name, network.get("driver").asText()));
                network.remove("driver_opts");
            }
            network.put("driver", "bridge");
            if (bridges.size() < Egress.MAX_NETWORKS) {
                String bridge = Egress.bridgeName(runId, bridges.size());
                JsonNode options = network.path("driver_opts");
                (options instanceof ObjectNode o ? o : network.putObject("driver_opts")).put(Egress.BRIDGE_NAME, bridge);
                bridges.add(bridge);
            }
        }
        if (!refusals.isEmpty()) {
            throw new StackFailure(msg("grader.stack.refused", Message.clauses(refusals)));
        }
        return bridges;
    }
}
