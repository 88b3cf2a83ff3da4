package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whose fault a failed build is, and the line that says why, read from what docker-compose 1.29 printed. */
class BuildFailureTest {
    private static final String PREAMBLE = """
            Building api
            DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
                        Install the buildx component to build images with BuildKit:
                        https://docs.docker.com/go/buildx/

            Sending build context to Docker daemon  3.072kB
            """;

    @Test
    void aDockerfileSyntaxErrorIsTheStudents() {
        BuildFailure failure = BuildFailure.of("api", PREAMBLE + """
                Error response from daemon: dockerfile parse error line 2: unknown instruction: RUNN
                Service 'api' failed to build : Build failed
                """);

        assertThat(failure.offline()).isFalse();
        assertThat(failure.errorLine()).isEqualTo("Error response from daemon: dockerfile parse error line 2: unknown instruction: RUNN");
        assertThat(failure.getMessage()).startsWith("the api image would not build: Error response");
    }

    @Test
    void aMissingFileIsTheStudents() {
        BuildFailure failure = BuildFailure.of("api", PREAMBLE + """
                Step 1/3 : FROM python:3.11-slim
                 ---> d4d9d934f090
                Step 2/3 : COPY requirements.txt .
                COPY failed: file not found in build context or excluded by .dockerignore: stat requirements.txt: file does not exist
                Service 'api' failed to build : Build failed
                """);

        assertThat(failure.offline()).isFalse();
        assertThat(failure.errorLine()).startsWith("COPY failed: file not found").endsWith("requirements.txt: file does not exist");
    }

    @Test
    void aDebianPackageThatDoesNotExistIsTheStudentsWithAptsLine() {
        BuildFailure failure = BuildFailure.of("api", PREAMBLE + """
                Fetched 15.0 MB in 2s (6347 kB/s)
                Reading package lists...
                \u001B[91mE\u001B[0m\u001B[91m: Unable to locate package curl-nonexistent-pkg
                \u001B[0mThe command '/bin/sh -c apt-get update && apt-get install -y curl-nonexistent-pkg' returned a non-zero code: 100
                Service 'api' failed to build : Build failed
                """);

        assertThat(failure.offline()).isFalse();
        assertThat(failure.errorLine()).isEqualTo("E: Unable to locate package curl-nonexistent-pkg");
    }

    @Test
    void aBaseImageOutOfReachIsTheMachines() {
        BuildFailure failure = BuildFailure.of("api", PREAMBLE + """
                Step 1/2 : FROM node:20-alpine
                Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host
                Service 'api' failed to build : Build failed
                """);

        assertThat(failure.offline()).isTrue();
        assertThat(failure.getMessage()).startsWith("not assessed (offline): the api image would not build on this machine: Get ");
    }

    @Test
    void aPythonPackageDebianDoesNotShipIsTheMachinesAndNamed() {
        BuildFailure failure = BuildFailure.of("api", PREAMBLE + """
                Step 2/2 : RUN pip install fastapi==0.111.0 opentelemetry-api==1.24.0
                obsgrader: 'opentelemetry-api' is not among the Python packages Debian ships in this offline stand-in for the python image, so it cannot be installed here
                ERROR: Could not find a version that satisfies the requirement opentelemetry-api==1.24.0 (from versions: none)
                ERROR: No matching distribution found for opentelemetry-api==1.24.0
                The command '/bin/sh -c pip install fastapi==0.111.0 opentelemetry-api==1.24.0' returned a non-zero code: 1
                Service 'api' failed to build : Build failed
                """);

        assertThat(failure.offline()).isTrue();
        assertThat(failure.errorLine()).contains("'opentelemetry-api' is not among the Python packages Debian ships");
    }

    @Test
    void aFailingCommandWithoutAnErrorLineGivesCompose() {
        BuildFailure failure = BuildFailure.of("api", PREAMBLE + """
                Step 2/2 : RUN exit 3
                The command '/bin/sh -c exit 3' returned a non-zero code: 3
                Service 'api' failed to build : Build failed
                """);

        assertThat(failure.offline()).isFalse();
        assertThat(failure.errorLine()).isEqualTo("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    }
}
