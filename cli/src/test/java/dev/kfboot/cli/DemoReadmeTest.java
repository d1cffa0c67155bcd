package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.UpstreamData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The demo session on README's first screen is what {@code kfboot demo} prints: a real run, in process, against the
 * shared upstream data the way {@code ./kfboot demo} finds it (../shared/upstream next to the checkout), with the
 * temporary directory's random name shown as one placeholder on both sides.
 */
class DemoReadmeTest {

    private static final Pattern TEMP = Pattern.compile("/\\S*?kfboot-demo-\\d+");

    @Test
    void readmeDemoSessionIsARealRun() throws Exception {
        Path root = UpstreamData.repoRoot();
        Path upstream = UpstreamData.dir();
        Assumptions.assumeTrue(
                upstream.equals(root.resolve("../shared/upstream").normalize()),
                "the demo reads ../shared/upstream next to the checkout; the data is at " + upstream);
        String shown = ReadmeBlocks.after(root.resolve("README.md"), "A real session:");
        String prev = System.getProperty("kfboot.home");
        System.setProperty("kfboot.home", root.toString());
        CliRun r;
        try {
            r = CliRun.of("demo");
        } finally {
            if (prev == null) System.clearProperty("kfboot.home");
            else System.setProperty("kfboot.home", prev);
        }
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        String real =
                normal("$ ./kfboot demo\n" + r.out() + r.err()).replace(upstream.toString(), "../shared/upstream");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "readme-demo.md"), real + "\n");
        assertThat(normal(shown))
                .as("README.md's demo session (the real one is in cli/target/readme-demo.md)")
                .isEqualTo(real);
    }

    private static String normal(String s) {
        return TEMP.matcher(s).replaceAll("/tmp/kfboot-demo-N").stripTrailing();
    }
}
