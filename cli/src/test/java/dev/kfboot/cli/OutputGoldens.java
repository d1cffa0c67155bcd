package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command line's {@code -o json} and {@code -o yaml} compared byte for byte with {@code golden/json/NAME.json} and
 * {@code NAME.yaml}; the temporary directory the test ran in is written {@code $TMP}, so the goldens do not depend on
 * where it was.
 */
final class OutputGoldens {

    private OutputGoldens() {}

    /** Runs {@code args} with {@code -o json} and with {@code -o yaml}; both exit with {@code code}. */
    static void assertMatch(String name, Path tmp, int code, String... args) {
        CliRun json = run(args, "json");
        CliRun yaml = run(args, "yaml");
        assertThat(json.code()).as(json.err()).isEqualTo(code);
        assertThat(yaml.code()).as(yaml.err()).isEqualTo(code);
        Golden.assertMatches("json/" + name + ".json", relative(json.out(), tmp));
        Golden.assertMatches("json/" + name + ".yaml", relative(yaml.out(), tmp));
    }

    static String relative(String out, Path tmp) {
        return tmp == null ? out : out.replace(tmp.toString(), "$TMP");
    }

    private static CliRun run(String[] args, String format) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", format));
        return CliRun.of(all.toArray(String[]::new));
    }
}
