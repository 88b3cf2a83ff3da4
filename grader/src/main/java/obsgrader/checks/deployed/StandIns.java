package obsgrader.checks.deployed;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;

/**
 * The services that play a lab role in a stack answering a neighbouring assignment, when no service plays it by
 * the lab's image or usual name: the student's own code built by compose is the API whatever its name
 * ({@code my-app}, {@code waiter}, {@code payment}); another relational database (MySQL, MariaDB) and its exporter
 * take PostgreSQL's places. The piece is there; only the product or the name differs.
 */
public final class StandIns {
    private static final Map<LabRole, Pattern> IMAGES = Map.of(
            LabRole.POSTGRES, Pattern.compile("mysql|mariadb|percona-server"),
            LabRole.POSTGRES_EXPORTER, Pattern.compile("mysqld?[-_]exporter"));

    private StandIns() {
    }

    /** The services standing in for a role the compose file has no service for (none when it has one). */
    public static List<String> of(ComposeFile compose, LabRole role) {
        if (!compose.servicesFor(role).isEmpty()) {
            return List.of();
        }
        if (role == LabRole.API) {
            return compose.services().keySet().stream()
                    .filter(service -> compose.isBuilt(service) && compose.roleOf(service).isEmpty() && IMAGES.values().stream()
                            .noneMatch(p -> p.matcher(lastSegment(compose, service)).matches()))
                    .toList();
        }
        Pattern images = IMAGES.get(role);
        return images == null ? List.of()
                : compose.services().keySet().stream().filter(service -> images.matcher(lastSegment(compose, service)).matches()).toList();
    }

    /** Whether the image a service runs is one of these (its repository's last segment: {@code gcr.io/cadvisor/cadvisor}). */
    public static boolean runs(ComposeFile compose, String service, String... names) {
        String image = lastSegment(compose, service);
        return Arrays.stream(names).anyMatch(image::equals);
    }

    private static String lastSegment(ComposeFile compose, String service) {
        String repository = ComposeFile.repository(compose.services().get(service).path("image").asText(""));
        return repository.substring(repository.lastIndexOf('/') + 1);
    }
}
