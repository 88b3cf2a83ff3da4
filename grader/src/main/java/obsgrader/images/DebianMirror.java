package obsgrader.images;

import static obsgrader.i18n.Message.msg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import obsgrader.engine.EnvironmentFault;

/**
 * The Debian mirror this host's apt already uses, so the stand-in base is bootstrapped from the same place
 * (set {@code OBSGRADER_DEBIAN_MIRROR} to choose another).
 */
final class DebianMirror {
    private static final Path APT = Path.of("/etc/apt");

    private DebianMirror() {
    }

    static String fromHost() {
        String chosen = System.getenv("OBSGRADER_DEBIAN_MIRROR");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        return sources().stream()
                .filter(s -> s.suites().contains("bookworm"))
                .map(Source::uri)
                .findFirst()
                .orElseThrow(() -> new EnvironmentFault(msg("grader.machine.no-debian-mirror")));
    }

    private record Source(String uri, List<String> suites) {
    }

    /** Entries of sources.list (one-line style) and of *.sources files (deb822 style). */
    private static List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        try {
            Path list = APT.resolve("sources.list");
            if (Files.isRegularFile(list)) {
                for (String line : Files.readAllLines(list)) {
                    String[] words = line.replaceAll("\\[[^]]*]", "").trim().split("\\s+");
                    if (words.length >= 3 && words[0].equals("deb")) {
                        sources.add(new Source(words[1], List.of(words[2])));
                    }
                }
            }
            Path dir = APT.resolve("sources.list.d");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".sources")).sorted().toList()) {
                        for (String stanza : Files.readString(file).split("\n\\s*\n")) {
                            deb822(stanza).ifPresent(sources::add);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static Optional<Source> deb822(String text) {
        String uri = null;
        List<String> suites = List.of();
        for (String line : text.split("\n")) {
            if (line.startsWith("URIs:")) {
                uri = line.substring(5).trim().split("\\s+")[0];
            } else if (line.startsWith("Suites:")) {
                suites = List.of(line.substring(7).trim().split("\\s+"));
            }
        }
        return uri == null ? Optional.empty() : Optional.of(new Source(uri, suites));
    }
}
