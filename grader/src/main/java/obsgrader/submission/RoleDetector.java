package obsgrader.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which lab role each service of a compose file plays, by what the service is: the image it runs (or its
 * build's base image), and for the API what its code serves (the lab's routes, its request counter). The lab's
 * service names are a last resort, for roles no service was recognised in.
 */
final class RoleDetector {
    /** Code that defines the lab's routes or its request counter: the shop's API, whatever its framework. */
    private static final Pattern API_CODE = Pattern.compile(
            "http_requests_total|['\"`]/api/products['\"`]\\s*[,)]|/api/order['\"`]");
    /** A client calling the API (a load generator) is not the API: its calls go through a client object. */
    private static final Pattern CLIENT_CALL = Pattern.compile("(?i)(client|session|requests|http|axios|fetch)\\s*\\.?\\s*(get|post)?\\s*\\(\\s*[^)]*/api/");
    private static final Pattern SOURCE = Pattern.compile("(?i).*\\.(py|js|mjs|cjs|ts|go|java|kt|rb|php|cs|rs)$");
    private static final Set<String> SKIPPED = Set.of("node_modules", ".venv", "venv", "__pycache__", "target", "dist", ".git");
    private static final int MAX_FILES = 400;

    private RoleDetector() {
    }

    static Map<LabRole, List<String>> detect(ComposeFile compose) {
        Map<LabRole, List<String>> roles = new EnumMap<>(LabRole.class);
        List<String> unassigned = new ArrayList<>();
        for (String service : compose.services().keySet()) {
            Optional<LabRole> role = byImage(compose.runImage(service));
            if (role.isEmpty() && servesTheShop(compose, service)) {
                role = Optional.of(LabRole.API);
            }
            role.ifPresentOrElse(r -> roles.computeIfAbsent(r, k -> new ArrayList<>()).add(service), () -> unassigned.add(service));
        }
        for (LabRole role : LabRole.values()) {
            if (!roles.containsKey(role)) {
                unassigned.stream().filter(role::isNamed).findFirst().ifPresent(service -> {
                    roles.put(role, new ArrayList<>(List.of(service)));
                    unassigned.remove(service);
                });
            }
        }
        roles.replaceAll((role, services) -> List.copyOf(services));
        return roles;
    }

    private static Optional<LabRole> byImage(String image) {
        if (image.isEmpty()) {
            return Optional.empty();
        }
        return Stream.of(LabRole.values()).filter(role -> role.runs(image)).findFirst();
    }

    /** Whether the service's own code (its build context, or code folders it mounts) is the shop's API. */
    private static boolean servesTheShop(ComposeFile compose, String service) {
        List<Path> roots = new ArrayList<>();
        compose.buildContext(service).filter(path -> path.startsWith(compose.projectDir())).ifPresent(roots::add);
        // only the submission's own folders: a mounted /var/lib/docker is no code of the student's
        compose.mounts(service).stream().filter(Mount::isBind).map(Mount::hostPath)
                .filter(path -> path.startsWith(compose.projectDir())).forEach(roots::add);
        return roots.stream().flatMap(RoleDetector::sources).limit(MAX_FILES).anyMatch(RoleDetector::isApiCode);
    }

    private static Stream<Path> sources(Path root) {
        if (Files.isRegularFile(root)) {
            return SOURCE.matcher(root.toString()).matches() ? Stream.of(root) : Stream.empty();
        }
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(root.toRealPath(), 5)) {
            return files.filter(p -> SKIPPED.stream().noneMatch(s -> p.toString().contains("/" + s + "/")))
                    .filter(Files::isRegularFile).filter(p -> SOURCE.matcher(p.toString()).matches())
                    .limit(MAX_FILES).toList().stream();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Stream.empty();
        }
    }

    private static boolean isApiCode(Path file) {
        try {
            String code = Files.readString(file);
            return API_CODE.matcher(code).find() && (code.contains("http_requests_total") || !CLIENT_CALL.matcher(code).find());
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
