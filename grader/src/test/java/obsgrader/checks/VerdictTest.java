package obsgrader.checks;

import static obsgrader.i18n.Message.msg;
import static org.assertj.core.api.Assertions.assertThat;

import obsgrader.i18n.Messages;
import org.junit.jupiter.api.Test;
import obsgrader.i18n.Message;

class VerdictTest {
    @Test
    void aFaultOfTheMachineOrTheGraderIsToldFromTheSubmissionsOwn() {
        assertThat(Verdict.faulted(Fault.MACHINE, msg("grader.fault.machine", "docker info failed")).graderFault()).isTrue();
        assertThat(Verdict.faulted(Fault.GRADER, msg("grader.fault.error", "NullPointerException")).graderFault()).isTrue();
        assertThat(Verdict.notAssessed(msg("grader.static-mode")).graderFault()).isFalse();
        assertThat(Verdict.notAssessed(msg("grader.fault.machine", "x")).graderFault())
                .as("the fault is a value the verdict carries, not read from its sentence's key").isFalse();
        assertThat(Verdict.faulted(Fault.GRADER, msg("grader.fault.error", "x")).hint(Message.literal("h")).fault())
                .as("kept through the builder").isEqualTo(Fault.GRADER);
    }

    @Test
    void whatAPassMeasuredIsKeptApartFromTheReasonAndWrittenInTheRunsLanguage() {
        Verdict verdict = Verdict.live(1).expected(Message.literal("x")).measured(msg("metrics.targets-up.measured", 12, "api, node"));

        assertThat(verdict.measured()).isEqualTo("12 of 12 targets UP, in jobs api, node");
        assertThat(verdict.in(Messages.FRENCH).measured()).isEqualTo("12 cibles UP sur 12, dans les jobs api, node");
        assertThat(verdict.reason()).isEqualTo("expected x");
    }
}
