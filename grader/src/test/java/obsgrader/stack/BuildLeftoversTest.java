package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildLeftoversTest {
    /** What docker-compose 1.29 printed for a build failing at its third step, on Docker 20.10 (the legacy builder). */
    private static final String FAILED_RUN = """
            Building api
            Sending build context to Docker daemon  2.048kB
            Step 1/5 : FROM python:3.11-slim
             ---> d4d9d934f090
            Step 2/5 : WORKDIR /app
             ---> Using cache
             ---> 8f1e0c2b7a11
            Step 3/5 : COPY app.py .
             ---> 3c4d5e6f7a8b
            Step 4/5 : RUN echo h17-marker-three > /marker
             ---> Running in e9e7131990f4
            Removing intermediate container e9e7131990f4
             ---> 521e179c4454
            Step 5/5 : RUN echo h17-marker-fail && exit 1
             ---> Running in 78b60dced660
            h17-marker-fail
            The command '/bin/sh -c echo h17-marker-fail && exit 1' returned a non-zero code: 1
            Service 'api' failed to build : Build failed
            """;

    @Test
    void namesTheStepContainersAndTheImagesTheBuildCommitted() {
        BuildLeftovers.Named named = BuildLeftovers.Named.in(FAILED_RUN);

        assertThat(named.containers()).containsExactly("e9e7131990f4", "78b60dced660");
        assertThat(named.images()).as("not the base image, not the cached step's").containsExactly("3c4d5e6f7a8b", "521e179c4454");
    }

    @Test
    void aBuildKitOutputNamesNothing() {
        BuildLeftovers.Named named = BuildLeftovers.Named.in("""
                #5 [2/3] RUN pip install -r requirements.txt
                #5 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1
                """);

        assertThat(named.containers()).isEmpty();
        assertThat(named.images()).isEmpty();
    }
}
