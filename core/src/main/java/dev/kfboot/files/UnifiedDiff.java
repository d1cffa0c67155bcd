package dev.kfboot.files;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** {@code diff -u} of one file, with {@code a/} and {@code b/} paths; "" when the texts are equal. */
public final class UnifiedDiff {

    private UnifiedDiff() {}

    /** @param before null when the file does not exist yet; {@code after} null when it goes away */
    public static String of(String path, String before, String after) {
        if (before != null && before.equals(after)) return "";
        List<String> a = before == null ? List.of() : before.lines().toList();
        List<String> b = after == null ? List.of() : after.lines().toList();
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(
                before == null ? "/dev/null" : "a/" + path,
                after == null ? "/dev/null" : "b/" + path,
                a,
                DiffUtils.diff(a, b),
                3);
        if (lines.isEmpty()) return "";
        return String.join("\n", lines) + "\n";
    }
}
