package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EgressTest {
    @Test
    void bridgeNamesFitLinuxInterfaceNamesAndDifferPerNetwork() {
        String first = Egress.bridgeName("0123abcd", 0);
        String last = Egress.bridgeName("0123abcd", Egress.MAX_NETWORKS - 1);

        assertThat(first).isEqualTo("obsg0123abcd0");
        assertThat(last).isEqualTo("obsg0123abcdz").hasSizeLessThanOrEqualTo(15);
    }
}
