package obsgrader.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ports as compose files, Dockerfiles and commands write them. */
final class PortSyntax {
    private static final Pattern EXPOSE = Pattern.compile("(?i)^\\s*EXPOSE\\s+(.+)$");
    /** {@code --port 8000}, {@code --port=8000}, {@code -p 8000}, {@code --web.listen-address=:9114}, {@code -b 0.0.0.0:8000}, {@code PORT=3000}. */
    private static final Pattern IN_COMMAND = Pattern.compile(
            "(?i)(?:--?(?:port|p|listen(?:-address)?|web\\.listen-address|bind|b)[= ]|\\bPORT=)(?:[\\w.\\[\\]]*:)?(\\d{2,5})\\b");

    private PortSyntax() {
    }

    static Optional<Integer> number(String text) {
        Matcher digits = Pattern.compile("^(\\d{1,5})(?:/\\w+)?$").matcher(text.trim());
        return digits.find() ? Optional.of(Integer.parseInt(digits.group(1))) : Optional.empty();
    }

    /** The container side of a {@code ports:} entry: {@code "8080:80"}, {@code "127.0.0.1:80:80/tcp"}, {@code {target: 80}}. */
    static Optional<Integer> containerPort(JsonNode entry) {
        if (entry.isObject()) {
            return number(entry.path("target").asText(""));
        }
        String text = entry.asText();
        return number(text.substring(text.lastIndexOf(':') + 1));
    }

    /** A Dockerfile's EXPOSE ports, and those its CMD or ENTRYPOINT listens on. */
    static Set<Integer> exposed(Path dockerfile) {
        Set<Integer> ports = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                Matcher expose = EXPOSE.matcher(line);
                if (line.matches("(?i)^\\s*(CMD|ENTRYPOINT)\\s.*")) {
                    ports.addAll(inCommand(line.replaceAll("[\\[\\]\",]", " ")));
                } else if (expose.find()) {
                    for (String port : expose.group(1).trim().split("\\s+")) {
                        number(port).ifPresent(ports::add);
                    }
                }
            }
        } catch (IOException e) {
            // no Dockerfile: nothing exposed
        }
        return ports;
    }

    static Set<Integer> inCommand(String command) {
        Set<Integer> ports = new LinkedHashSet<>();
        Matcher port = IN_COMMAND.matcher(command);
        while (port.find()) {
            ports.add(Integer.parseInt(port.group(1)));
        }
        return ports;
    }
}
