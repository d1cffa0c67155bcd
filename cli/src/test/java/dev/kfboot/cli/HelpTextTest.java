package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cli.validate.ValidateCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's help, as {@code kfboot COMMAND --help} prints it: it starts with the command's one-line summary,
 * never splits a path or URL across lines, and never doubles a word ("option option").
 */
class HelpTextTest {

    private static final Pattern PATH_OR_URL = Pattern.compile("[^\\s]*(?:/|://)[^\\s]*");
    private static final Pattern DOUBLED = Pattern.compile("\\b([a-z]+) \\1\\b");

    @Test
    void everyCommandsHelpStartsWithItsSummaryKeepsPathsWholeAndDoublesNoWord() {
        List<String> problems = new ArrayList<>();
        List<CommandLine> all = new ArrayList<>();
        collect(KfbootCommand.commandLine(), all);
        assertThat(all).hasSizeGreaterThan(30);
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName();
            CliRun r = CliRun.of(
                    (name.replaceFirst("^kfboot ?", "") + " --help").strip().split(" "));
            if (r.code() != 0) {
                problems.add(name + ": --help exits " + r.code() + ": " + r.err());
                continue;
            }
            String help = r.out();
            String first = help.lines().findFirst().orElse("");
            String summary = HelpLayout.summary(c.getCommandSpec());
            if (first.isBlank()
                    || first.startsWith("Usage:")
                    || !first.equals(summary)
                    || summary.length() > HelpLayout.WIDTH) {
                problems.add(name + ": help starts with '" + first + "', not its one-line summary");
            }
            for (String token : pathsAndUrls(c.getCommandSpec())) {
                if (help.lines().noneMatch(l -> l.contains(token)))
                    problems.add(name + ": '" + token + "' is split across lines");
            }
            Matcher doubled = DOUBLED.matcher(help.replaceAll("\\s+", " "));
            while (doubled.find()) problems.add(name + ": doubled word '" + doubled.group() + "'");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theTestSeesASplitUrlAsOne() {
        // picocli's own layout, as before: it broke the --docs-url default after "https://github."
        CommandLine plain = new CommandLine(new ValidateCommand());
        String picocli = plain.getUsageMessage(CommandLine.Help.Ansi.OFF);
        String token = "https://github.com/kfboot/kfboot/blob/main/";
        assertThat(pathsAndUrls(plain.getCommandSpec())).anyMatch(t -> t.startsWith(token));
        assertThat(picocli.lines().noneMatch(l -> l.contains(token)))
                .as("picocli alone splits it")
                .isTrue();
        assertThat(CliRun.of("validate", "--help").out()).contains(token);
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, out));
    }

    /** Paths and URLs in what the help shows: descriptions, defaults, exit codes. */
    static List<String> pathsAndUrls(CommandSpec spec) {
        List<String> texts = new ArrayList<>();
        texts.addAll(Arrays.asList(spec.usageMessage().header()));
        texts.addAll(Arrays.asList(spec.usageMessage().description()));
        texts.addAll(spec.usageMessage().exitCodeList().values());
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec a : args) {
            if (a.hidden()) continue;
            texts.addAll(Arrays.asList(a.description()));
        }
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            Matcher m = PATH_OR_URL.matcher(t.replace("%n", " "));
            while (m.find()) {
                String token = m.group().replaceAll("^[(`'\"]+", "").replaceAll("[).,;:`'\"]+$", "");
                if (token.length() > 1) out.add(token);
            }
        }
        return out;
    }
}
