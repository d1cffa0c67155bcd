package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.UpstreamData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A README transcript: each kfboot command line with what it printed and its exit code (checked), the temporary
 * directory, the mock server's address and the shared data's path shortened the way the README shows them.
 */
final class Transcript {

    private final StringBuilder text = new StringBuilder();
    private final Path dir;
    private String url;

    Transcript(Path dir) {
        this.dir = dir;
    }

    /** The mock API server's base URL, shown as https://127.0.0.1:6443. */
    Transcript server(String mockUrl) {
        this.url = mockUrl + "/";
        return this;
    }

    CliRun kfboot(int expected, String... args) {
        CliRun r = CliRun.of(args);
        String shown = clean(String.join(" ", args));
        text.append("$ kfboot ")
                .append(shown)
                .append('\n')
                .append(clean(r.out()))
                .append(clean(r.err()));
        if (r.code() != 0) text.append("(exit ").append(r.code()).append(")\n");
        text.append('\n');
        assertThat(r.code()).as(shown + "\n" + r.out() + r.err()).isEqualTo(expected);
        assertThat(r.noStackTrace()).isTrue();
        return r;
    }

    private String clean(String s) {
        String out = s.replace(dir + "/", "");
        if (url != null) out = out.replace(url, "https://127.0.0.1:6443");
        return out.replace(UpstreamData.argoCd().toString(), "../shared/upstream/argo-cd/v3.5.1");
    }

    /** Writes it to {@code target/NAME}, where the README's examples come from. */
    void write(String name) throws IOException {
        Path out = Path.of("target", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text.toString());
    }
}
