package obsgrader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {
    private static final List<String> CLASS = IntStream.rangeClosed(1, 300).mapToObj(i -> "student" + i).toList();

    @Test
    void everyStudentLandsInExactlyOneShardAndTheSharesAreEven() {
        List<Shard> shards = List.of(Shard.parse("1/3"), Shard.parse("2/3"), Shard.parse(" 3 / 3 "));

        assertThat(CLASS).allSatisfy(student -> assertThat(shards.stream().filter(s -> s.owns(student))).hasSize(1));
        assertThat(shards).allSatisfy(shard -> assertThat(CLASS.stream().filter(shard::owns).count()).isBetween(70L, 130L));
        assertThat(CLASS).allMatch(Shard.WHOLE::owns);
        assertThat(Shard.parse(null)).isEqualTo(Shard.WHOLE);
        assertThat(Shard.parse("2/3").resultsFile()).isEqualTo("shard-2-of-3.json");
    }

    @Test
    void aStudentsShardDependsOnTheNameAlone() {
        // Pinned: SHA-256("alice") starts 2bd806c97f0e00af, 3159282601090220207 mod 3 = 2, the third shard. A change
        // of hash would move students between the shards of a class being graded.
        assertThat(IntStream.rangeClosed(1, 3).filter(i -> Shard.parse(i + "/3").owns("alice")).boxed().toList())
                .containsExactly(3);
        assertThat(Shard.parse("2/5").owns("bob")).isEqualTo(Shard.parse("2/5").owns(new String("bob")));
    }

    @Test
    void aShardIsIOfNCountedFromOne() {
        assertThatThrownBy(() -> Shard.parse("0/3")).hasMessageContaining("1 <= I <= N").hasMessageContaining("JOB_COMPLETION_INDEX");
        assertThatThrownBy(() -> Shard.parse("4/3")).hasMessageContaining("1 <= I <= N");
        assertThatThrownBy(() -> Shard.parse("two of three")).hasMessageContaining("expected I/N");
    }
}
