package obsgrader.stack;

import obsgrader.grading.RunSettings;
import obsgrader.submission.ComposeFile;

/**
 * A stack as a self-test boots it directly: with this JVM's settings ({@code -Dgrader.compose}, the limits, where
 * a missing Compose v2 comes from), read here, at the test's edge, as a grading run's are.
 */
public final class SelfTestStacks {
    private SelfTestStacks() {
    }

    public static LabStack of(ComposeFile compose) {
        RunSettings settings = RunSettings.fromSystemProperties();
        return LabStack.of(compose).withCompose(settings.compose()).withLimits(settings.limits())
                .withHost(Host.local(settings.debian()));
    }
}
