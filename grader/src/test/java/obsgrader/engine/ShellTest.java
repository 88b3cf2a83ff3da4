package obsgrader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a command's output keeps: its end, where the error is, with how much came before. */
class ShellTest {
    @Test
    void aLongOutputKeepsItsLastLineAndSaysItsSize() {
        // 3 MiB of build noise, then the error line a report quotes
        Shell.Result result = Shell.run(Duration.ofSeconds(30), "sh", "-c",
                "head -c 3145728 /dev/zero | tr '\\0' 'x' | fold -w 99; echo; echo 'ERROR: COPY failed: file not found'; exit 1");

        assertThat(result.ok()).isFalse();
        assertThat(result.tail(1)).isEqualTo("ERROR: COPY failed: file not found");
        assertThat(result.output()).startsWith("(3").contains(" bytes of output, the first ").contains(" not kept)\n");
        assertThat(result.output().length()).isLessThanOrEqualTo(Shell.OUTPUT_CAP + 100);
        assertThat(result.output().lines().skip(1).findFirst()).hasValueSatisfying(line -> assertThat(line).matches("x{99}"));
    }

    @Test
    void aShortOutputIsKeptWhole() {
        Shell.Result result = Shell.run(Duration.ofSeconds(10), "sh", "-c", "echo one; echo two");

        assertThat(result.output()).isEqualTo("one\ntwo\n");
    }
}
