package dev.kfboot.validate.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Short, deterministic lists in messages: "a, b, c and 4 more". */
public final class Texts {

    private Texts() {}

    public static String some(Collection<?> items, int max) {
        List<String> all = new ArrayList<>();
        for (Object o : items) all.add(String.valueOf(o));
        if (all.size() <= max) return String.join(", ", all);
        return String.join(", ", all.subList(0, max)) + " and " + (all.size() - max) + " more";
    }

    public static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
