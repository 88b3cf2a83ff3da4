package obsgrader.checks.deployed;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;

/** Data survives a restart (named volumes) and services start after what they need (depends_on). */
@RubricCheck(id = "deployed.volumes-depends")
public final class VolumesAndDependencies implements Check {
    /** Where each stateful service keeps its data inside its container (in the lab's order: reasons read the same every run). */
    private static final Map<LabRole, String> DATA = new EnumMap<>(Map.of(
            LabRole.POSTGRES, "/var/lib/postgresql/data",
            LabRole.PROMETHEUS, "/prometheus",
            LabRole.GRAFANA, "/var/lib/grafana"));
    /**
     * Who must start after whom, in the lab's order. Exporters are not asked to wait for their target: they
     * retry, and the lab's own listing has no depends_on for them.
     */
    private static final Map<LabRole, Set<LabRole>> NEEDS = new EnumMap<>(Map.of(
            LabRole.NGINX, EnumSet.of(LabRole.API),
            LabRole.API, EnumSet.of(LabRole.POSTGRES, LabRole.REDIS)));
    /** Data lost on a restart weighs more than a start order that retries would mend: two thirds against one. */
    private static final double DATA_SHARE = 2.0 / 3;

    @Override
    public Verdict judge(GradingContext context) {
        Optional<Verdict> refused = Refused.verdict(context);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<ComposeFile> parsed = context.submission().compose();
        if (parsed.isEmpty()) {
            return Verdict.fromFiles(0).expected(msg("deployed.volumes-depends.expected-file")).found(msg("deployed.none"))
                    .at(Message.verbatim(context.submission().root()));
        }
        ComposeFile compose = parsed.get();
        List<Message> unpersisted = new ArrayList<>();
        DATA.forEach((role, path) -> compose.serviceFor(role).ifPresent(service -> {
            boolean persisted = compose.mounts(service).stream()
                    .anyMatch(m -> m.target().replaceAll("(?<=.)/+$", "").equals(path) && !m.source().isEmpty());
            if (!persisted) {
                unpersisted.add(msg("deployed.volumes-depends.no-volume", service, path));
            }
        }));
        List<Message> unordered = new ArrayList<>();
        int[] applicable = {0};
        // with replicas (app-1..app-4) or a one-shot job built from the same code (a migrator), one of the role's
        // services waiting for one of what it needs is the order asked for
        NEEDS.forEach((role, needed) -> compose.serviceFor(role).ifPresent(service -> needed.forEach(need -> compose.serviceFor(need).ifPresent(n -> {
            applicable[0]++;
            boolean waits = compose.servicesFor(role).stream()
                    .anyMatch(s -> compose.servicesFor(need).stream().anyMatch(dependsOn(compose, s)::contains));
            if (!waits) {
                unordered.add(msg("deployed.volumes-depends.no-dependency", service, n));
            }
        }))));
        // A stack without the lab's pairs (no nginx, no database: a neighbouring assignment) orders what it has:
        // any depends_on of its own (grafana after prometheus, a generator after its api) earns the order part.
        boolean ordersItsOwn = compose.services().keySet().stream().anyMatch(s -> !dependsOn(compose, s).isEmpty());
        if (applicable[0] == 0 && !ordersItsOwn) {
            unordered.add(msg("deployed.volumes-depends.no-depends-on"));
        }
        List<Message> problems = new ArrayList<>(unpersisted);
        problems.addAll(unordered);
        int dependencies = Math.max(applicable[0], 1);
        int persisted = (int) DATA.keySet().stream().filter(role -> compose.serviceFor(role).isPresent()).count();
        double fraction = DATA_SHARE * Verdict.share(persisted - unpersisted.size(), persisted)
                + (1 - DATA_SHARE) * Verdict.share(Math.max(dependencies - unordered.size(), 0), dependencies);
        return Verdict.fromFiles(fraction)
                .expected(msg("deployed.volumes-depends.expected"))
                .found(problems.isEmpty() ? msg("deployed.volumes-depends.all", persisted + dependencies) : msg("deployed.list", problems))
                .at(Message.verbatim(compose.file().getFileName()))
                .hint(problems.isEmpty() ? Message.NONE : msg("deployed.volumes-depends.hint"))
                .measured(msg("deployed.volumes-depends.measured", persisted, dependencies));
    }

    private static Set<String> dependsOn(ComposeFile compose, String service) {
        JsonNode node = compose.services().get(service).path("depends_on");
        Set<String> names = new HashSet<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        } else {
            node.forEach(n -> names.add(n.asText()));
        }
        return names;
    }
}
