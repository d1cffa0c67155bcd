package dev.kfboot.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every command's help in one layout: it starts with the command's one-line summary (its header, else the first line
 * of its description), and text wraps at spaces only. Picocli breaks lines wherever {@link java.text.BreakIterator}
 * allows, which is inside URLs and paths ("https://github." / "com/..."): a path or URL here is never split; a word
 * longer than the line stays whole and runs past it.
 */
final class HelpLayout {

    static final int WIDTH = 80;
    private static final int LONG_NAMES_MAX = 22;

    private HelpLayout() {}

    /** Applies the layout to {@code cli} and its subcommands. */
    static void apply(CommandLine cli) {
        Map<String, IHelpSectionRenderer> sections = cli.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER, HelpLayout::header);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, HelpLayout::synopsis);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, help -> arguments(help, true));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> arguments(help, false));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST, HelpLayout::exitCodes);
        cli.setHelpSectionMap(sections);
        for (CommandLine sub : cli.getSubcommands().values()) apply(sub);
    }

    /** The one-line summary: the header, or the description's first line when the command has no header. */
    static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        if (header.length > 0 && !header[0].isBlank()) return header[0];
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    private static boolean hasHeader(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return header.length > 0 && !header[0].isBlank();
    }

    private static String header(Help help) {
        CommandSpec spec = help.commandSpec();
        if (hasHeader(spec)) return paragraphs(Arrays.asList(spec.usageMessage().header()), 0, 0);
        String summary = summary(spec);
        return summary.isEmpty() ? "" : wrap(summary, 0, 0) + "\n";
    }

    private static String description(Help help) {
        CommandSpec spec = help.commandSpec();
        List<String> lines = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
        if (!hasHeader(spec) && !lines.isEmpty()) {
            lines.remove(0); // already printed as the summary
            if (!lines.isEmpty() && lines.get(0).isBlank()) lines.remove(0);
        } else if (hasHeader(spec)
                && !lines.isEmpty()
                && lines.get(0).equals(spec.usageMessage().header()[0])) {
            lines.remove(0);
        }
        return lines.isEmpty() ? "" : paragraphs(lines, 0, 0);
    }

    /** The synopsis on one logical line, wrapped at spaces under the command's name. */
    private static String synopsis(Help help) {
        CommandSpec spec = help.commandSpec();
        int width = spec.usageMessage().width();
        String one;
        try {
            spec.usageMessage().width(10_000);
            one = help.synopsis(0).strip().replaceAll("\\s+", " ");
        } finally {
            spec.usageMessage().width(width);
        }
        int heading = help.synopsisHeading().length();
        int indent = heading + spec.qualifiedName().length() + 1;
        return wrapFrom(one, heading, indent) + "\n";
    }

    /** Options or positional parameters: names on the left, the description wrapped in a column on the right. */
    private static String arguments(Help help, boolean positional) {
        List<String[]> rows = rows(help, positional);
        if (rows.isEmpty()) return "";
        // one column for both lists, as picocli has it
        int column = 0;
        for (boolean p : new boolean[] {true, false}) {
            for (String[] r : rows(help, p))
                if (r[0].length() <= 6 + LONG_NAMES_MAX) column = Math.max(column, r[0].length());
        }
        column += 2;
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            out.append(r[0]);
            if (r[0].length() + 2 > column) out.append('\n').append(" ".repeat(column));
            else out.append(" ".repeat(column - r[0].length()));
            out.append(
                            r[1].isEmpty()
                                    ? ""
                                    : paragraphs(List.of(r[1].split("\n", -1)), column, column + 2)
                                            .substring(column))
                    .append(r[1].isEmpty() ? "\n" : "");
        }
        return out.toString();
    }

    private static List<String[]> rows(Help help, boolean positional) {
        CommandSpec spec = help.commandSpec();
        List<String[]> rows = new ArrayList<>();
        if (positional) {
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) rows.add(new String[] {"      " + label(help, p), description(p)});
            }
        } else {
            List<OptionSpec> options = new ArrayList<>(
                    spec.options().stream().filter(o -> !o.hidden()).toList());
            if (spec.usageMessage().sortOptions()) options.sort(Help.createShortOptionNameComparator());
            for (OptionSpec o : options) rows.add(new String[] {names(help, o), description(o)});
        }
        return rows;
    }

    private static String names(Help help, OptionSpec o) {
        String shortName = null;
        List<String> longNames = new ArrayList<>();
        for (String n : o.names()) {
            if (n.length() == 2 && n.startsWith("-") && shortName == null) shortName = n;
            else longNames.add(n);
        }
        String label = o.typeInfo().isBoolean() && o.arity().max() == 0 ? "" : label(help, o);
        StringBuilder s = new StringBuilder("  ");
        if (longNames.isEmpty()) return s.append(shortName).append(label).toString();
        s.append(shortName == null ? "    " : shortName + ", ");
        return s.append(String.join(", ", longNames)).append(label).toString();
    }

    private static String label(Help help, ArgSpec a) {
        return help.parameterLabelRenderer()
                .renderParameterLabel(a, Help.Ansi.OFF, List.of())
                .toString();
    }

    private static String description(ArgSpec a) {
        return String.join("\n", a.description());
    }

    private static String exitCodes(Help help) {
        Map<String, String> codes = help.commandSpec().usageMessage().exitCodeList();
        if (codes.isEmpty()) return "";
        int key = codes.keySet().stream().mapToInt(String::length).max().orElse(1);
        StringBuilder out = new StringBuilder();
        codes.forEach((k, v) -> {
            String left = "  " + k + " ".repeat(key - k.length()) + "   ";
            out.append(left)
                    .append(paragraphs(List.of(v), left.length(), left.length() + 2)
                            .substring(left.length()));
        });
        return out.toString();
    }

    /**
     * Each string a paragraph (blank lines kept), wrapped at spaces: the first line at {@code first}, the rest at
     * {@code rest}.
     */
    private static String paragraphs(List<String> lines, int first, int rest) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String text = line.replace("%n", "\n").replace("%%", "%");
            for (String l : text.split("\n", -1))
                out.append(l.isBlank() ? "" : wrap(l, first, rest)).append('\n');
        }
        return out.toString();
    }

    private static String wrap(String text, int first, int rest) {
        return " ".repeat(first) + wrapFrom(text, first, rest);
    }

    /** {@code text} wrapped at spaces, its first line starting at column {@code at} (the caller printed up to it). */
    private static String wrapFrom(String text, int at, int indent) {
        StringBuilder out = new StringBuilder();
        int col = at;
        boolean lineStart = true;
        for (String word : text.strip().split(" +")) {
            if (!lineStart && col + 1 + word.length() > WIDTH) {
                out.append('\n').append(" ".repeat(indent));
                col = indent;
                lineStart = true;
            }
            if (!lineStart) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
            lineStart = false;
        }
        return out.toString();
    }
}
