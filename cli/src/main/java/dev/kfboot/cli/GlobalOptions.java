package dev.kfboot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Connection options written before the command, as kubectl takes them ({@code kfboot --context prod status}): they
 * are moved behind the command's name, where every cluster command declares them. Nothing else is reordered.
 */
final class GlobalOptions {

    /** Options that take a value. */
    static final Set<String> WITH_VALUE = Set.of("--kubeconfig", "--context", "-n", "--namespace", "--request-timeout");

    private GlobalOptions() {}

    static String[] hoist(String[] args) {
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!WITH_VALUE.contains(name)) break;
            leading.add(a);
            if (!a.contains("=") && i + 1 < args.length) leading.add(args[++i]);
            i++;
        }
        if (leading.isEmpty() || i >= args.length || args[i].startsWith("-")) return args;
        List<String> all = new ArrayList<>();
        all.add(args[i]);
        all.addAll(leading);
        for (int j = i + 1; j < args.length; j++) all.add(args[j]);
        return all.toArray(String[]::new);
    }
}
