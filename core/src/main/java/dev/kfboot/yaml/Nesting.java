package dev.kfboot.yaml;

import java.util.ArrayDeque;

/**
 * How deep YAML nests, measured on the text before any parser sees it: snakeyaml keeps state per open flow
 * collection and recurses per level, so a few hundred kilobytes of {@code [[[[...} took close to a minute. Flow
 * brackets inside quotes and comments do not count; block nesting counts the indentation levels open at a line.
 */
public final class Nesting {

    /** Deeper than any manifest: a CRD's schema nests about 30 levels. */
    public static final int MAX_DEPTH = 100;

    private Nesting() {}

    /** The 1-based line where nesting first exceeds {@code max}, or 0 when it never does. */
    public static int firstLineDeeperThan(String text, int max) {
        int flow = 0;
        int line = 1;
        ArrayDeque<Integer> indents = new ArrayDeque<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            // a line: its indentation first (block nesting), then its flow brackets
            int start = i;
            while (i < n && text.charAt(i) == ' ') i++;
            int indent = i - start;
            boolean content = i < n && text.charAt(i) != '\n' && text.charAt(i) != '#';
            if (content && flow == 0) {
                while (!indents.isEmpty() && indents.peek() >= indent) indents.pop();
                indents.push(indent);
                if (indents.size() > max) return line;
            }
            char quote = 0;
            for (; i < n && text.charAt(i) != '\n'; i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '#' && (i == start || text.charAt(i - 1) == ' ')) {
                    while (i < n && text.charAt(i) != '\n') i++;
                    break;
                } else if (c == '[' || c == '{') {
                    if (++flow > max) return line;
                } else if ((c == ']' || c == '}') && flow > 0) {
                    flow--;
                }
            }
            i++;
            line++;
        }
        return 0;
    }
}
