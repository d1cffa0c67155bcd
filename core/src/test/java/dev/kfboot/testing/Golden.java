package dev.kfboot.testing;

import dev.kfboot.files.UnifiedDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Golden-file comparison: byte for byte, a unified diff on mismatch. {@code -Dkfboot.golden.update=true}
 * rewrites the expected file on purpose (then review the diff in git).
 */
public final class Golden {

    private Golden() {}

    /** @param expected path relative to the module's {@code src/test/resources/golden/} */
    public static void assertMatches(String expected, String actual) {
        Path file = Path.of("src/test/resources/golden").resolve(expected);
        try {
            if (Boolean.getBoolean("kfboot.golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionFailedError(
                        "golden file " + file + " is missing; run with -Dkfboot.golden.update=true");
            }
            String want = Files.readString(file, StandardCharsets.UTF_8);
            if (want.equals(actual)) return;
            throw new AssertionFailedError(
                    "output differs from golden " + file + " (rewrite with -Dkfboot.golden.update=true)\n"
                            + UnifiedDiff.of(expected, want, actual),
                    want,
                    actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
