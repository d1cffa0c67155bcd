package dev.kfboot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
