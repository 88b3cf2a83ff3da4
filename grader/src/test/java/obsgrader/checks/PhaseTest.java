package obsgrader.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which phase each check runs in, as declared: the drills', the boot's and the load's; the files' checks in none. */
class PhaseTest {
    private static Check check(String id) {
        return CheckCatalog.find(id).orElseThrow();
    }

    @Test
    void eachLiveCheckBelongsToThePhaseItsDeclarationsSay() {
        assertThat(Phase.of(check("deployed.services-running"))).contains(Phase.BOOT);
        assertThat(Phase.of(check("metrics.targets-up"))).contains(Phase.BOOT);
        assertThat(Phase.of(check("metrics.requests-match-load"))).contains(Phase.TRAFFIC);
        assertThat(Phase.of(check("slo.recording-rules"))).contains(Phase.TRAFFIC);
        assertThat(Phase.of(check("alerts.fire-on-outage"))).contains(Phase.OUTAGE);
        assertThat(Phase.of(check("alerts.notifications"))).contains(Phase.OUTAGE);
        assertThat(Phase.of(check("alerts.burst-pending"))).contains(Phase.BURST);
        assertThat(Phase.of(check("docs.readme"))).isEmpty();
    }

    @Test
    void onlyTheBootAndTheBurstAreMeasuredThroughout() {
        assertThat(CheckCatalog.ids()).filteredOn(id -> Phase.measuredThroughout(check(id)))
                .containsExactlyInAnyOrder("deployed.services-running", "alerts.burst-pending");
    }
}
