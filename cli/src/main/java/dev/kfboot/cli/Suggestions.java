package dev.kfboot.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "did you mean plan?" after an unknown command or option: the names of the command (its subcommands, or its
 * options for a word starting with a dash) within a small edit distance, closest first.
 */
final class Suggestions {

    private Suggestions() {}

    /** The suffix for a usage error's line: empty, or {@code " (did you mean X?)"}. */
    static String of(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return "";
        String word = u.getUnmatched().get(0);
        if (word.contains("=")) word = word.substring(0, word.indexOf('='));
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        List<String> names = new ArrayList<>();
        if (word.startsWith("-")) {
            for (OptionSpec o : spec.options()) if (!o.hidden()) names.addAll(List.of(o.names()));
        } else {
            names.addAll(spec.subcommands().keySet());
        }
        List<String> close = closest(word, names);
        return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
    }

    static List<String> closest(String word, List<String> names) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        int limit = Math.max(2, word.length() / 3);
        return names.stream()
                .distinct()
                .filter(n -> distance.apply(word, n) <= limit)
                .sorted(Comparator.comparingInt((String n) -> distance.apply(word, n))
                        .thenComparing(n -> n))
                .limit(3)
                .toList();
    }
}
