package obsgrader.images;

import static obsgrader.i18n.Message.msg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.EnvironmentFault;
import obsgrader.engine.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the images a compose file needs available without a registry: what is local is used, what can be
 * pulled is pulled, and the rest is built from Debian packages (see {@code standins/catalog.yml}) and tagged
 * with the upstream name. A stand-in is rebuilt only when its files change.
 */
public final class StandInImages implements ImageSource {
    private static final Logger LOG = LoggerFactory.getLogger(StandInImages.class);
    static final String HASH_LABEL = "obsgrader.standin.hash";
    private static final Duration PULL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);
    /** Where Debian keeps the certificate authorities a machine adds (update-ca-certificates reads them). */
    private static final Path HOST_CERTIFICATES = Path.of("/usr/local/share/ca-certificates");
    /** The folder of a build context holding them: always there, empty when the machine added none. */
    static final String HOST_CA_FOLDER = "host-ca";

    private final StandInCatalog catalog;
    private final Path workDir;
    /** Runs graded in parallel share the engine's images: one builds at a time. */
    private static final Object BUILDING = new Object();
    /** What a registry that answers says of an image it does not have. */
    private static final Pattern NOT_THERE = Pattern.compile("manifest unknown|not found|pull access denied|does not exist",
            Pattern.CASE_INSENSITIVE);
    /** Whether this run found the registry: unknown until the first pull. Each run learns it for itself. */
    private volatile Boolean registryReachable;

    public StandInImages(StandInCatalog catalog, Path workDir) {
        this.catalog = catalog;
        this.workDir = workDir;
    }

    public static StandInImages fromCatalog() {
        return new StandInImages(StandInCatalog.load(), Path.of(System.getProperty("java.io.tmpdir"), "obsgrader-standins"));
    }

    /** What {@link #ensure} did: images standing in for upstream (with what they provide) and those not to be had. */
    public record Outcome(Map<String, String> standIns, Set<String> unavailable) {
    }

    @Override
    public Outcome ensure(Set<String> images) {
        synchronized (BUILDING) {
            return ensureNow(images);
        }
    }

    private Outcome ensureNow(Set<String> images) {
        Map<String, String> standIns = new LinkedHashMap<>();
        Set<String> unavailable = new LinkedHashSet<>();
        for (String image : images) {
            String reference = reference(image);
            Optional<StandInCatalog.Choice> standIn = catalog.standInFor(reference);
            Optional<String> localHash = localHash(reference);
            boolean upstreamIsLocal = localHash.filter(String::isEmpty).isPresent();
            if (upstreamIsLocal || localHash.isEmpty() && pulled(reference)) {
                continue;
            }
            if (standIn.isEmpty()) {
                unavailable.add(reference);
                continue;
            }
            if (!localHash.orElse("").equals(hash(standIn.get()))) {
                build(standIn.get(), reference);
            }
            standIns.put(reference, standIn.get().provides());
        }
        return new Outcome(standIns, unavailable);
    }

    /** An image name as the engine stores it: {@code :latest} when no tag or digest is given. */
    public static String reference(String image) {
        int slash = image.lastIndexOf('/');
        return image.indexOf(':', slash + 1) >= 0 || image.contains("@") ? image : image + ":latest";
    }

    /** The stand-in hash label of a local image: empty string for an upstream image, empty optional when absent. */
    private static Optional<String> localHash(String reference) {
        Shell.Result label = Shell.run(Duration.ofSeconds(30), "docker", "image", "inspect", "--format",
                "{{ index .Config.Labels \"" + HASH_LABEL + "\" }}", reference);
        return label.ok() ? Optional.of(label.output().strip().replace("<no value>", "")) : Optional.empty();
    }

    private static boolean exists(String reference) {
        return localHash(reference).isPresent();
    }

    /**
     * Tries the registry, until it is found out of reach: then this run stops trying (offline, each attempt costs a
     * timeout). An image the registry does not have (a student's bad tag) says nothing about the registry.
     */
    private boolean pulled(String reference) {
        if (Boolean.FALSE.equals(registryReachable)) {
            return false;
        }
        Shell.Result pull = Shell.run(PULL_TIMEOUT, "docker", "pull", reference);
        if (pull.ok()) {
            registryReachable = true;
        } else if (registryReachable == null && !NOT_THERE.matcher(pull.output()).find()) {
            LOG.info("No registry reachable ({}): images will be built locally", pull.tail(1));
            registryReachable = false;
        }
        return pull.ok();
    }

    private void build(StandInCatalog.Choice choice, String reference) {
        ensureBase();
        Path context = extract(choice.standIn());
        LOG.info("Building stand-in {} for {} ({})", choice.standIn().folder(), reference, choice.provides());
        Shell.Result build = Shell.run(BUILD_TIMEOUT, "docker", "build", "--force-rm", "--label", HASH_LABEL + "=" + hash(choice),
                "--build-arg", "SUITE=" + choice.version().suite(), "-t", reference, context.toString());
        if (!build.ok()) {
            throw new EnvironmentFault(msg("grader.machine.stand-in-build", reference, choice.standIn().folder(), build.tail(20)));
        }
    }

    private void ensureBase() {
        if (exists(catalog.base())) {
            return;
        }
        DockerEngine.ensureHostTool("debootstrap", "debootstrap");
        Path rootfs = workDir.resolve("rootfs");
        String mirror = DebianMirror.fromHost();
        LOG.info("Building the base image {} with debootstrap (about a minute, once)", catalog.base());
        Shell.Result result = Shell.run(Duration.ofMinutes(15), "sh", "-c",
                "rm -rf '" + rootfs + "' && debootstrap --variant=minbase bookworm '" + rootfs + "' '" + mirror
                        + "' && tar -C '" + rootfs + "' -c . | docker import - " + catalog.base()
                        + " && rm -rf '" + rootfs + "'");
        if (!result.ok()) {
            throw new EnvironmentFault(msg("grader.machine.debootstrap", result.tail(20)));
        }
    }

    private Path extract(StandInCatalog.StandIn standIn) {
        Path folder = workDir.resolve(standIn.folder());
        try {
            Files.createDirectories(folder);
            for (String file : standIn.files()) {
                try (InputStream in = resource(standIn, file)) {
                    Path target = folder.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (standIn.hostCertificates()) {
                Path certificates = folder.resolve(HOST_CA_FOLDER);
                Files.createDirectories(certificates);
                for (Path certificate : hostCertificates()) {
                    Files.copy(certificate, certificates.resolve(certificate.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** The certificate authorities this machine added, in name order; none when it added none. */
    private static List<Path> hostCertificates() throws IOException {
        if (!Files.isDirectory(HOST_CERTIFICATES)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(HOST_CERTIFICATES)) {
            return files.filter(file -> file.toString().endsWith(".crt") && Files.isRegularFile(file)).sorted().toList();
        }
    }

    private static InputStream resource(StandInCatalog.StandIn standIn, String file) {
        InputStream in = StandInImages.class.getClassLoader().getResourceAsStream(standIn.resource(file));
        if (in == null) {
            throw new IllegalStateException("catalog.yml lists " + standIn.resource(file) + ", which is missing");
        }
        return in;
    }

    /**
     * A digest of the stand-in's files and of its suite: the cache key that decides whether to rebuild (a
     * stand-in at the base's own suite keeps the key of its files alone, so adding newer suites rebuilt none).
     */
    static String hash(StandInCatalog.Choice choice) {
        StandInCatalog.StandIn standIn = choice.standIn();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (!choice.version().suite().equals(StandInCatalog.BASE_SUITE)) {
                digest.update(choice.version().suite().getBytes());
            }
            for (String file : standIn.files()) {
                digest.update(file.getBytes());
                try (InputStream in = resource(standIn, file)) {
                    digest.update(in.readAllBytes());
                }
            }
            if (standIn.hostCertificates()) {
                for (Path certificate : hostCertificates()) {
                    digest.update(Files.readAllBytes(certificate));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
