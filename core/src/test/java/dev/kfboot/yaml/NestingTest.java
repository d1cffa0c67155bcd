package dev.kfboot.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.model.InputException;
import org.junit.jupiter.api.Test;

/** Deeply nested YAML is refused before it is parsed, in bounded time; real manifests pass. */
class NestingTest {

    @Test
    void deepFlowNestingIsRefusedFastWithItsLine() {
        String deep = "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: " + "[\n".repeat(100_000) + "]\n".repeat(100_000);
        long start = System.nanoTime();
        InputException e = catchThrowableOfType(
                InputException.class, () -> YamlReader.forUserFiles().parseAll(deep, "deep.yaml"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("400 KB of nested brackets refused in " + millis + " ms");

        assertThat(e.oneLine()).isEqualTo("deep.yaml:104: YAML nested more than 100 levels deep");
        assertThat(millis).isLessThan(10_000);
    }

    @Test
    void deepBlockNestingIsRefusedToo() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 150; i++)
            sb.append(" ".repeat(i)).append("k").append(i).append(":\n");
        assertThat(Nesting.firstLineDeeperThan(sb.toString(), Nesting.MAX_DEPTH))
                .isEqualTo(101);
    }

    @Test
    void bracketsInQuotesAndCommentsAndOrdinaryNestingPass() {
        String text = """
                a: "%s"
                b: '%s'
                # %s
                c: {d: [1, 2, {e: [f]}]}
                """.formatted("[".repeat(104), "{".repeat(101), "[".repeat(105));
        assertThat(Nesting.firstLineDeeperThan(text, Nesting.MAX_DEPTH)).isZero();
        assertThat(YamlReader.forUserFiles().parseAll(text, "ok.yaml")).hasSize(1);
    }
}
