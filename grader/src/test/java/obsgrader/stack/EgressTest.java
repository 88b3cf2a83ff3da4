package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import obsgrader.engine.Shell;
import org.junit.jupiter.api.Test;

class EgressTest {
    @Test
    void installsItsRulesBeforeTheBridgesExistAndRemovesThemAll() {
        assumeTrue(Shell.run(Duration.ofSeconds(10), "iptables", "-w", "-S", "DOCKER-USER").ok(),
                "needs root and a Docker engine's firewall on this machine");
        String bridge = Egress.bridgeName("0e9e55aa", 0);

        Egress egress = Egress.cut("0e9e55aa", List.of(bridge));
        String installed = Shell.run(Duration.ofSeconds(10), "iptables", "-w", "-S").output();
        Egress.remove("0e9e55aa");
        String removed = Shell.run(Duration.ofSeconds(10), "iptables", "-w", "-S").output()
                + Shell.run(Duration.ofSeconds(10), "ip6tables", "-w", "-S").output();

        assertThat(egress.notCut()).isEmpty();
        String chain = "OBSG-0e9e55aa-" + ProcessHandle.current().pid();
        assertThat(installed).contains("-A DOCKER-USER -i " + bridge + " -j " + chain + "-O",
                "-A DOCKER-USER -o " + bridge + " -j " + chain + "-O", "-A INPUT -i " + bridge + " -j " + chain + "-H",
                "-A " + chain + "-O -i " + bridge + " -o " + bridge + " -j RETURN", "-A " + chain + "-H -j REJECT");
        assertThat(removed).doesNotContain("0e9e55aa");
    }

    @Test
    void bridgeNamesFitLinuxInterfaceNamesAndDifferPerNetwork() {
        String first = Egress.bridgeName("0123abcd", 0);
        String last = Egress.bridgeName("0123abcd", Egress.MAX_NETWORKS - 1);

        assertThat(first).isEqualTo("obsg0123abcd0");
        assertThat(last).isEqualTo("obsg0123abcdz").hasSizeLessThanOrEqualTo(15);
    }
}
