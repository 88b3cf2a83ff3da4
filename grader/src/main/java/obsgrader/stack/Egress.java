package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.engine.Docker;
import obsgrader.engine.Docker.Kind;
import obsgrader.engine.Shell;
import obsgrader.i18n.Message;

/**
 * Cuts a run's networks off from everything but themselves, on the host's firewall. The sanitiser names every
 * bridge of the run ({@link #bridgeName}), so the rules, keyed on those names, are in place before `up` creates
 * the bridges and starts the containers. Packets entering or leaving a run's bridge pass only within that bridge
 * or as replies (the grader's connections to the published loopback ports); anything else is rejected, both
 * when forwarded (other networks, the host's other addresses' published ports, the outside) and when addressed to
 * the host itself. IPv4 and IPv6 alike. Builds run before, on the engine's default bridge, and are not affected.
 * <p>
 * Forwarded packets are judged in {@code DOCKER-USER}, the chain the engine keeps first in {@code FORWARD} (plain
 * {@code FORWARD} where the engine does not manage that family), packets to the host in {@code INPUT}. Each run
 * has its own chains, named for it and its owner's pid, so a sweep finds the rules of a run whose JVM died.
 */
public final class Egress {
    private static final String PREFIX = "OBSG-";
    private static final String OUT = "-O";
    private static final String HOST = "-H";
    private static final String DOCKER_USER = "DOCKER-USER";
    /** The bridge driver's option naming the bridge interface (libnetwork, every engine version). */
    static final String BRIDGE_NAME = "com.docker.network.bridge.name";
    private static final Duration IPTABLES = Duration.ofSeconds(20);
    /** A run's chain: OBSG-run-pid-O or -H, the owner's pid in the name, so a sweep can tell a dead run from one installing. */
    private static final Pattern CHAIN = Pattern.compile("^-N (" + PREFIX + "([0-9a-f]+)-(\\d+)-[OH])$", Pattern.MULTILINE);
    /** Linux caps interface names at 15 characters: "obsg", the 8 characters of the run id, one for the network. */
    static final int MAX_NETWORKS = 36;

    private final String runId;
    private final List<String> bridges;
    private final List<String> families = new ArrayList<>();
    private Message notCut;

    private Egress(String runId, List<String> bridges) {
        this.runId = runId;
        this.bridges = List.copyOf(bridges);
    }

    /** The interface name of a run's n-th network (0-based, at most {@link #MAX_NETWORKS}). */
    static String bridgeName(String runId, int index) {
        return "obsg" + runId + Character.forDigit(index, MAX_NETWORKS);
    }

    /**
     * Installs the run's rules for its bridges. Where the host's firewall cannot be changed here (no iptables, not
     * root, an engine whose firewall is elsewhere: Docker Desktop, rootless, remote), nothing is installed and
     * {@link #notCut()} says why.
     */
    static Egress cut(String runId, List<String> bridges) {
        if (!Shell.has("iptables")) {
            return uncut(runId, bridges, msg("grader.egress.no-iptables"));
        }
        Egress egress = new Egress(runId, bridges);
        egress.install();
        return egress;
    }

    /** A run's traffic left as it is, and why: the host's firewall is not the grader's to change. */
    static Egress uncut(String runId, List<String> bridges, Message why) {
        Egress egress = new Egress(runId, bridges);
        egress.notCut = why;
        return egress;
    }

    private void install() {
        Shell.Result docker = iptables("iptables", "-S", DOCKER_USER);
        if (!docker.ok()) {
            notCut = msg("grader.egress.no-chain", DOCKER_USER, docker.tail(1).strip());
            return;
        }
        families.add("iptables");
        if (Shell.has("ip6tables") && iptables("ip6tables", "-S", "INPUT").ok()) {
            families.add("ip6tables");
        }
        try {
            families.forEach(this::install);
        } catch (IllegalStateException e) {
            remove(runId);
            families.clear();
            notCut = Message.verbatim(e.getMessage());
        }
    }

    private void install(String family) {
        String forward = iptables(family, "-S", DOCKER_USER).ok() ? DOCKER_USER : "FORWARD";
        String out = chain(runId, OUT);
        String host = chain(runId, HOST);
        must(family, "-N", out);
        must(family, "-A", out, "-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED", "-j", "RETURN");
        bridges.forEach(bridge -> must(family, "-A", out, "-i", bridge, "-o", bridge, "-j", "RETURN"));
        must(family, "-A", out, "-j", "REJECT");
        must(family, "-N", host);
        must(family, "-A", host, "-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED", "-j", "RETURN");
        must(family, "-A", host, "-j", "REJECT");
        for (String bridge : bridges) {
            must(family, "-I", forward, "-i", bridge, "-j", out);
            must(family, "-I", forward, "-o", bridge, "-j", out);
            must(family, "-I", "INPUT", "-i", bridge, "-j", host);
        }
    }

    private static String chain(String runId, String kind) {
        return PREFIX + runId + "-" + ComposeSanitiser.owner() + kind;
    }

    /**
     * After `up`: the rules only hold if the run's bridges are this machine's interfaces. An engine that put them
     * elsewhere (a VM, a rootless namespace) ran the stack uncut: that is said, and the useless rules go.
     */
    void confirm() {
        if (notCut != null) {
            return;
        }
        List<String> elsewhere = Docker.inspect(Kind.NETWORK, ComposeSanitiser.RUN_LABEL + "=" + runId).stream()
                .map(network -> network.path("Options").path(BRIDGE_NAME).asText(
                        "(no bridge name on " + network.path("Name").asText() + ")"))
                .filter(bridge -> !Files.exists(Path.of("/sys/class/net", bridge))).toList();
        if (!elsewhere.isEmpty()) {
            notCut = msg("grader.egress.elsewhere", elsewhere);
            remove(runId);
            families.clear();
        }
    }

    /** Why the run's traffic is not cut, if it is not. */
    public Optional<Message> notCut() {
        return Optional.ofNullable(notCut);
    }

    /** What the report's header says about it. */
    Message describe() {
        return notCut != null ? notCut : msg("grader.egress.cut", List.copyOf(families), bridges.size());
    }

    /** Removes a run's rules and chains, in every family; what is not there is skipped. */
    static void remove(String run) {
        for (String family : List.of("iptables", "ip6tables")) {
            if (!Shell.has(family)) {
                continue;
            }
            String rules = iptables(family, "-S").output();
            List<String> chains = new ArrayList<>();
            Matcher defined = CHAIN.matcher(rules);
            while (defined.find()) {
                if (defined.group(2).equals(run)) {
                    chains.add(defined.group(1));
                }
            }
            rules.lines().filter(rule -> rule.startsWith("-A ") && chains.stream().anyMatch(c -> rule.endsWith("-j " + c)))
                    .forEach(rule -> iptables(family, toDeletion(rule)));
            chains.forEach(chain -> {
                iptables(family, "-F", chain);
                iptables(family, "-X", chain);
            });
        }
    }

    /** Removes the rules of runs whose owner no longer runs; returns those runs. */
    static Set<String> sweepAbandoned() {
        Set<String> abandoned = new TreeSet<>();
        if (!Shell.has("iptables")) {
            return abandoned;
        }
        Matcher chains = CHAIN.matcher(iptables("iptables", "-S").output() + iptables("ip6tables", "-S").output());
        while (chains.find()) {
            if (ProcessHandle.of(Long.parseLong(chains.group(3))).map(p -> !p.isAlive()).orElse(true)) {
                abandoned.add(chains.group(2));
            }
        }
        abandoned.forEach(Egress::remove);
        return abandoned;
    }

    /** "-A CHAIN spec..." as iptables -S prints it (the run's rules have no quoted words), as a deletion. */
    private static String[] toDeletion(String rule) {
        return ("-D " + rule.substring(3)).split(" ");
    }

    private static void must(String family, String... args) {
        Shell.Result result = iptables(family, args);
        if (!result.ok()) {
            throw new IllegalStateException(family + " " + String.join(" ", args) + " failed: " + result.tail(2).strip());
        }
    }

    /** -w: wait for the xtables lock the engine also takes, rather than fail beside it. */
    private static Shell.Result iptables(String family, String... args) {
        String[] command = new String[args.length + 2];
        command[0] = family;
        command[1] = "-w";
        System.arraycopy(args, 0, command, 2, args.length);
        return Shell.run(IPTABLES, command);
    }
}
