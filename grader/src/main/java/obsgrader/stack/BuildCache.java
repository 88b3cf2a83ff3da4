package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import obsgrader.engine.Docker;
import obsgrader.engine.Docker.Kind;
import obsgrader.engine.Shell;
import obsgrader.i18n.Message;
import obsgrader.submission.ComposeFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images a submission builds, kept in the engine across runs: a service whose build would get exactly the
 * same input as an earlier successful one (the same bytes and modes in its context, Dockerfile, build options
 * and base images) runs that image instead of building again. The cache's images are tagged
 * {@code obsgrader-build-cache:KEY} and labelled {@value #LABEL}, never the run's labels: the run's cleanup
 * leaves them, and {@link #prune} bounds them at the start of each boot. A failed build is never tagged, so never
 * cached. See docs/engines.md.
 */
public final class BuildCache {
    private static final Logger LOG = LoggerFactory.getLogger(BuildCache.class);
    public static final String LABEL = "obsgrader.build-cache";
    static final String REPOSITORY = "obsgrader-build-cache";
    /** Part of every key: changed when what the grader hands a build changes, so older images miss. */
    private static final String FORMAT = "obsgrader build cache 1";
    /** A build option naming files outside its context, or the host's: their bytes are not in the key. */
    private static final Set<String> UNKEYABLE = Set.of("additional_contexts", "ssh", "secrets");
    /** An image used this recently may be about to start: the count bound never removes it. */
    private static final Duration IN_USE = Duration.ofHours(2);
    private static final Duration DOCKER = Duration.ofSeconds(30);
    private static final BuildCache NONE = new BuildCache(Map.of());

    /**
     * How much is kept: images not used for {@code unusedFor} go, then the least recently used beyond
     * {@code images}. No images turns the cache off.
     */
    public record Bounds(Duration unusedFor, int images) {
        public static final Bounds DEFAULT = new Bounds(Duration.ofDays(14), 60);
        public static final Bounds OFF = new Bounds(Duration.ZERO, 0);

        boolean on() {
            return images > 0;
        }
    }

    /** A built service's place in the cache: its tag, and whether the image is already there (nothing to build). */
    public record Entry(String key, String tag, boolean reused) {
    }

    private final Map<String, Entry> entries;

    BuildCache(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** No service cached: each builds as its run's own image. */
    static BuildCache none() {
        return NONE;
    }

    /**
     * Prunes the cache to its bounds, then keys each service that builds (those left out aside) and finds which
     * images are already there; a reused image's last use is now. A service that cannot be keyed builds as before.
     */
    static BuildCache lookUp(ComposeFile compose, Set<String> leftOut, Bounds bounds) {
        if (!bounds.on()) {
            return NONE;
        }
        prune(bounds, Instant.now());
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String service : compose.services().keySet()) {
            if (!compose.isBuilt(service) || leftOut.contains(service)) {
                continue;
            }
            key(compose, service, BuildCache::imageId).ifPresent(key -> {
                String tag = REPOSITORY + ":" + key;
                // tagging again marks the last use, which the bounds go by
                boolean reused = Docker.run(DOCKER, "tag", tag, tag).ok();
                entries.put(service, new Entry(key, tag, reused));
            });
        }
        return new BuildCache(entries);
    }

    public Optional<Entry> entry(String service) {
        return Optional.ofNullable(entries.get(service));
    }

    public boolean reused(String service) {
        return entry(service).filter(Entry::reused).isPresent();
    }

    /** For the report's header: which services run an image built from the same files earlier. */
    Optional<Message> note() {
        List<Message> reused = entries.entrySet().stream().filter(entry -> entry.getValue().reused())
                .map(entry -> msg("grader.note.build-reused", entry.getKey())).toList();
        return reused.isEmpty() ? Optional.empty() : Optional.of(Message.clauses(reused));
    }

    /**
     * What decides a service's image, hashed: the build's options (its context's place aside), the Dockerfile's
     * path in the context and its bytes, each base image's identity here, and every file of the context with
     * its path, type, mode and bytes (all of them: a {@code .dockerignore} only makes the key stricter). Empty
     * when a base is not here, the build reads what is outside its context, or a file cannot be read: that
     * service simply builds.
     */
    static Optional<String> key(ComposeFile compose, String service, Function<String, Optional<String>> imageIds) {
        Optional<Path> context = compose.buildContext(service);
        Optional<Path> dockerfile = compose.dockerfile(service);
        JsonNode build = compose.services().get(service).path("build");
        if (context.isEmpty() || dockerfile.isEmpty() || UNKEYABLE.stream().anyMatch(build::has)) {
            return Optional.empty();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path root = context.get().toRealPath();
            ObjectNode options = build instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
            options.remove("context");
            options.put("dockerfile", context.get().relativize(dockerfile.get()).toString());
            add(digest, FORMAT, options.toString());
            add(digest, "Dockerfile");
            digest.update(Files.readAllBytes(dockerfile.get()));
            for (String base : ComposeFile.baseImages(dockerfile.get())) {
                Optional<String> id = imageIds.apply(base);
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                add(digest, "FROM", base, id.get());
            }
            addTree(digest, root);
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | UncheckedIOException e) {
            LOG.info("{}'s build is not cached: {}", service, e.getMessage());
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Each entry of the tree, in path order, links as links (the builder sends them so). */
    private static void addTree(MessageDigest digest, Path root) throws IOException {
        Map<String, Path> entries = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                entries.put(relative(root, dir), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isOther()) {
                    // a pipe or a device: reading it could block, and the builder refuses it anyway
                    throw new IOException(file + " is neither a file, a folder nor a link");
                }
                entries.put(relative(root, file), file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        for (Map.Entry<String, Path> entry : entries.entrySet()) {
            Path path = entry.getValue();
            if (Files.isSymbolicLink(path)) {
                add(digest, "link", entry.getKey(), Files.readSymbolicLink(path).toString());
                continue;
            }
            // the builder copies a file's mode with its bytes: an executable bit changes the image
            String mode = posix ? PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) : "";
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                add(digest, "dir", entry.getKey(), mode);
            } else {
                add(digest, "file", entry.getKey(), mode, String.valueOf(Files.size(path)));
                try (InputStream in = Files.newInputStream(path);
                     DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                    in.transferTo(out);
                }
            }
        }
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /** Words separated by a byte no path or option holds, so that two different lists never hash alike. */
    private static void add(MessageDigest digest, String... words) {
        for (String word : words) {
            digest.update(word.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        digest.update((byte) '\n');
    }

    /** A base image's identity as the engine has it (a stand-in's or a pulled image's ID). */
    private static Optional<String> imageId(String image) {
        Shell.Result id = Docker.run(DOCKER, "image", "inspect", "--format", "{{.Id}}", image);
        return id.ok() ? Optional.of(id.output().strip()) : Optional.empty();
    }

    /**
     * Keeps the cache within its bounds: untagged images of the cache (a parallel build of the same key took the
     * tag) and images unused for longer than allowed go, then the least recently used beyond the count. An image
     * a container still uses is not removed ({@code image rm} without force refuses); it goes at a later prune.
     */
    static void prune(Bounds bounds, Instant now) {
        beyond(Docker.inspect(Kind.IMAGE, LABEL), bounds, now).forEach(BuildCache::remove);
    }

    /** The cache's images (as inspected) that its bounds do not keep. */
    static List<JsonNode> beyond(List<JsonNode> images, Bounds bounds, Instant now) {
        List<JsonNode> byLastUse = new ArrayList<>(images);
        byLastUse.sort(Comparator.comparing(BuildCache::lastUse).reversed());
        List<JsonNode> beyond = new ArrayList<>();
        int kept = 0;
        for (JsonNode image : byLastUse) {
            Instant lastUse = lastUse(image);
            boolean untagged = image.path("RepoTags").isEmpty();
            boolean stale = lastUse.isBefore(now.minus(bounds.unusedFor()));
            boolean tooMany = kept >= bounds.images() && lastUse.isBefore(now.minus(IN_USE));
            if (untagged || stale || tooMany) {
                beyond.add(image);
            } else {
                kept++;
            }
        }
        return beyond;
    }

    private static void remove(JsonNode image) {
        List<String> names = new ArrayList<>();
        image.path("RepoTags").forEach(tag -> names.add(tag.asText()));
        if (names.isEmpty()) {
            names.add(image.path("Id").asText());
        }
        for (String name : names) {
            Shell.Result removed = Docker.run(DOCKER, "image", "rm", name);
            if (!removed.ok()) {
                LOG.info("build cache: {} left for a later prune: {}", name, removed.tail(1));
            }
        }
    }

    /** When the image was last tagged (built or reused); engines that do not say give its creation. */
    static Instant lastUse(JsonNode image) {
        Instant created = instant(image.path("Created").asText());
        Instant tagged = instant(image.path("Metadata").path("LastTagTime").asText());
        return tagged.isAfter(created) ? tagged : created;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
