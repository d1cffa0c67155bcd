package dev.kfboot.generate;

import java.util.ArrayList;
import java.util.List;

/** Paths inside a git repository, always with '/', never leading or trailing slashes; "" is the root. */
final class RepoPaths {

    private RepoPaths() {}

    static String clean(String p) {
        if (p == null) return "";
        String s = p.replace('\\', '/');
        while (s.startsWith("./")) s = s.substring(2);
        s = s.replaceAll("/+", "/").replaceAll("^/|/$", "");
        return s.equals(".") ? "" : s;
    }

    static String join(String a, String b) {
        String x = clean(a);
        String y = clean(b);
        if (x.isEmpty()) return y;
        if (y.isEmpty()) return x;
        return x + "/" + y;
    }

    /** The relative path from directory {@code fromDir} to {@code to}, both inside the repository. */
    static String relative(String fromDir, String to) {
        List<String> from = segments(fromDir);
        List<String> target = segments(to);
        int common = 0;
        while (common < from.size()
                && common < target.size()
                && from.get(common).equals(target.get(common))) common++;
        List<String> out = new ArrayList<>();
        for (int i = common; i < from.size(); i++) out.add("..");
        out.addAll(target.subList(common, target.size()));
        return out.isEmpty() ? "." : String.join("/", out);
    }

    /** A kustomize remote base: {@code URL//path?ref=REV}. */
    static String remote(String repoURL, String path, String revision) {
        return repoURL + "//" + clean(path) + "?ref=" + revision;
    }

    private static List<String> segments(String p) {
        String c = clean(p);
        return c.isEmpty() ? List.of() : List.of(c.split("/"));
    }
}
