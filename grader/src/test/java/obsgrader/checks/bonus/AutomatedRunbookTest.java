package obsgrader.checks.bonus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutomatedRunbookTest {
    @TempDir
    Path folder;

    @Test
    void awardsARemediationScriptInARunbookFolder() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml")
                .with("runbooks/instance-down.sh", "#!/bin/sh\ndocker restart api\n")
                .judge(new AutomatedRunbook());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.found()).contains("script runbooks/instance-down.sh");
    }

    @Test
    void awardsAWebhookReceiverThatRestartsTheFailingService() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml")
                .withReference("alertmanager/alertmanager.yml")
                .with("webhook/Dockerfile", "FROM python:3.11-slim\n")
                .with("webhook/webhook.py", """
                        import docker
                        client = docker.from_env()
                        def receive(payload):
                            client.containers.get(payload['alerts'][0]['labels']['job']).restart()
                        """)
                .judge(new AutomatedRunbook());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.found()).contains("service webhook acts on alerts in webhook/webhook.py");
    }

    @Test
    void givesNothingToTheReferenceWhoseWebhookOnlyLogs() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml")
                .withReference("alertmanager/alertmanager.yml")
                .withReference("webhook/Dockerfile").withReference("webhook/webhook.py")
                .withReference("RUNBOOK.md")
                .judge(new AutomatedRunbook());

        assertThat(verdict.fraction()).isZero();
        assertThat(verdict.found()).contains("no alert receiver that does more than log");
    }
}
