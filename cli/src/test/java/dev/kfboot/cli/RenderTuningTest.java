package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.render.RenderOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The options' written defaults (picocli needs them as strings) are the library's. */
class RenderTuningTest {

    @Command(name = "t")
    static final class Holder {
        @Mixin
        RenderTuning tuning;
    }

    private static RenderOptions parsed(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.tuning.renderOptions();
    }

    @Test
    void withoutOptionsTheBoundsAreRenderOptionsDefaults() {
        RenderOptions o = parsed();

        assertThat(o.memoryBytes()).isEqualTo(RenderOptions.DEFAULT_MEMORY_BYTES);
        assertThat(o.timeout()).isEqualTo(RenderOptions.DEFAULT_TIMEOUT);
        assertThat(o.deadline()).isEqualTo(RenderOptions.DEFAULT_DEADLINE);
    }

    @Test
    void sizesAndDurationsAreRead() {
        RenderOptions o = parsed("--render-memory", "1500m", "--render-timeout", "30s", "--deadline", "3m");

        assertThat(o.memoryBytes()).isEqualTo(1500L << 20);
        assertThat(o.timeout()).hasSeconds(30);
        assertThat(o.deadline()).hasMinutes(3);
    }
}
