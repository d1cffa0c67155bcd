package dev.kfboot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced {@code text} blocks of a Markdown page (README.md, docs/*.md) that tests compare with real runs. */
final class ReadmeBlocks {

    private ReadmeBlocks() {}

    /** The first {@code ```text} block after the line containing {@code marker}; fails when there is none. */
    static String after(Path page, String marker) throws IOException {
        String md = Files.readString(page);
        int at = md.indexOf(marker);
        if (at < 0) throw new AssertionError(page + ": no line with '" + marker + "'");
        int open = md.indexOf("```text\n", at);
        if (open < 0) throw new AssertionError(page + ": no ```text block after '" + marker + "'");
        int start = open + "```text\n".length();
        int end = md.indexOf("\n```", start);
        if (end < 0) throw new AssertionError(page + ": unclosed ```text block after '" + marker + "'");
        return md.substring(start, end + 1);
    }

    private static final Pattern BLOCK = Pattern.compile("```text\n(.*?)\n```", Pattern.DOTALL);

    /**
     * Every {@code $ kfboot ...} step the page shows, whose command line the transcript ran, is what that run
     * printed: timestamps, durations and operation ids are normalised, and a line {@code ...} stands for lines left
     * out. Returns how many steps were checked (a caller asserts it is not zero).
     */
    static int assertShownIn(Path page, String transcript) throws IOException {
        List<String> ran = steps(transcript);
        Matcher m = BLOCK.matcher(Files.readString(page));
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        while (m.find()) {
            for (String step : steps(m.group(1))) {
                String head = step.lines().findFirst().orElseThrow();
                List<String> same = ran.stream()
                        .filter(r -> r.lines().findFirst().orElseThrow().equals(head))
                        .toList();
                if (same.isEmpty()) continue;
                checked++;
                Pattern shown = pattern(normal(step));
                if (same.stream().noneMatch(r -> shown.matcher(normal(r)).matches())) wrong.add(head);
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(
                    page + ": these steps differ from the real run (see cli/target/readme-*.md): " + wrong);
        }
        return checked;
    }

    private static List<String> steps(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("(?m)^(?=\\$ kfboot )")) {
            if (part.startsWith("$ kfboot")) out.add(part.strip());
        }
        return out;
    }

    private static String normal(String s) {
        return s.replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z", "T")
                .replaceAll("\\b\\d+(\\.\\d+)?(ms|s)\\b", "Ns")
                .replaceAll("sync-[a-z0-9]{8}", "sync-X");
    }

    private static Pattern pattern(String shown) {
        StringBuilder rx = new StringBuilder();
        for (String line : shown.split("\n", -1)) {
            if (!rx.isEmpty()) rx.append("\n");
            rx.append(line.strip().equals("...") ? "(?:.*\n)*?.*" : Pattern.quote(line));
        }
        return Pattern.compile(rx.toString());
    }
}
