package obsgrader.checks.deployed;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
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
    private static final Map<LabRole, String> DATA = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            LabRole.POSTGRES, "/var/lib/postgresql/data",
            LabRole.PROMETHEUS, "/prometheus",
            LabRole.GRAFANA, "/var/lib/grafana")));
    /** Who must start after whom, in the lab's order. */
    private static final Map<LabRole, Set<LabRole>> NEEDS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            LabRole.NGINX, EnumSet.of(LabRole.API),
            LabRole.API, EnumSet.of(LabRole.POSTGRES, LabRole.REDIS),
            LabRole.NGINX_EXPORTER, EnumSet.of(LabRole.NGINX),
            LabRole.POSTGRES_EXPORTER, EnumSet.of(LabRole.POSTGRES),
            LabRole.REDIS_EXPORTER, EnumSet.of(LabRole.REDIS))));

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
        NEEDS.forEach((role, needed) -> compose.serviceFor(role).ifPresent(service -> {
            Set<String> dependsOn = dependsOn(compose, service);
            needed.forEach(need -> compose.serviceFor(need).filter(n -> !dependsOn.contains(n))
                    .ifPresent(n -> unordered.add(msg("deployed.volumes-depends.no-dependency", service, n))));
        }));
        List<Message> problems = new ArrayList<>(unpersisted);
        problems.addAll(unordered);
        int dependencies = NEEDS.values().stream().mapToInt(Set::size).sum();
        // data kept and start order are the line's two halves, whatever the number of items in each
        double fraction = 0.5 * Verdict.share(DATA.size() - unpersisted.size(), DATA.size())
                + 0.5 * Verdict.share(dependencies - unordered.size(), dependencies);
        return Verdict.fromFiles(fraction)
                .expected(msg("deployed.volumes-depends.expected"))
                .found(problems.isEmpty() ? msg("deployed.volumes-depends.all", DATA.size() + dependencies) : msg("deployed.list", problems))
                .at(Message.verbatim(compose.file().getFileName()))
                .hint(problems.isEmpty() ? Message.NONE : msg("deployed.volumes-depends.hint"))
                .measured(msg("deployed.volumes-depends.measured", DATA.size(), dependencies));
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
