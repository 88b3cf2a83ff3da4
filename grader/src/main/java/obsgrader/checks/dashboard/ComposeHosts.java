package obsgrader.checks.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import obsgrader.submission.ComposeFile;

/** The host names a compose service answers to on the stack's network: its name, container_name, hostname, aliases. */
public final class ComposeHosts {
    private ComposeHosts() {
    }

    public static Set<String> of(ComposeFile compose, String service) {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(service);
        JsonNode node = compose.services().get(service);
        for (String key : new String[] {"container_name", "hostname"}) {
            if (node.hasNonNull(key)) {
                hosts.add(node.get(key).asText());
            }
        }
        node.path("networks").forEach(network -> network.path("aliases").forEach(alias -> hosts.add(alias.asText())));
        return hosts;
    }

    /** The service a host name reaches, if any. */
    public static Optional<String> serviceAt(ComposeFile compose, String host) {
        return compose.services().keySet().stream().filter(service -> of(compose, service).contains(host)).findFirst();
    }
}
