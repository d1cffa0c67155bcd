package dev.kfboot.validate;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import dev.kfboot.yaml.YamlReader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which findings the user has chosen not to see, and why, as linters let CI users say it: {@code --disable RULE} /
 * {@code --enable RULE}; a {@code .kfboot.yaml} at the repository root ({@code rules: {RULE: off | on | error |
 * warning | info}}, {@code ignorePaths: [glob, ...]} on the files findings point at); and the annotation
 * {@code kfboot.dev/ignore: RULE[,RULE]} on an Application (its findings) or on an object it renders (findings
 * about that object), with the reason in {@code kfboot.dev/ignore-reason}. Suppressed findings are kept, with the
 * reason, for {@code --show-suppressed}, the summary and SARIF.
 */
public final class Suppressions {

    public static final String CONFIG_FILE = ".kfboot.yaml";
    public static final String IGNORE = "kfboot.dev/ignore";
    public static final String IGNORE_REASON = "kfboot.dev/ignore-reason";

    /** A finding not shown, and why. */
    public record Suppressed(Finding finding, String reason) {}

    /** What is shown and what is not. */
    public record Result(List<Finding> findings, List<Suppressed> suppressed) {}

    private final Map<String, String> off = new LinkedHashMap<>();
    private final Map<String, Severity> severity = new LinkedHashMap<>();
    private final List<PathMatcher> ignoredPaths = new ArrayList<>();
    private final List<String> ignoredPathGlobs = new ArrayList<>();

    private Suppressions() {}

    /** The repository's {@code .kfboot.yaml} (when there is one), then the command line over it. */
    public static Suppressions of(RepoRoot repo, ValidateOptions options) {
        Suppressions s = new Suppressions();
        Path config = repo.dir().resolve(CONFIG_FILE);
        if (Files.isRegularFile(config)) s.read(config, repo.display(config));
        for (String r : options.enabled()) {
            s.off.remove(r);
        }
        for (String r : options.disabled()) s.off.put(r, "--disable " + r);
        return s;
    }

    private void read(Path file, String shown) {
        List<YNode> docs = YamlReader.forUserFiles().readAll(file, shown);
        if (docs.isEmpty()) return;
        if (!(docs.get(0) instanceof YMap top)) {
            throw new InputException(
                    new Location(shown, docs.get(0).line()),
                    "expected a map with rules and ignorePaths",
                    "write rules: {RULE: off} and ignorePaths: [GLOB]");
        }
        for (String key : top.entries().keySet()) {
            if (!key.equals("rules") && !key.equals("ignorePaths")) {
                throw new InputException(
                        new Location(shown, top.lineOf(key)),
                        "unknown key " + key,
                        "a " + CONFIG_FILE + " holds rules and ignorePaths");
            }
        }
        top.get("rules").ifPresent(n -> {
            if (!(n instanceof YMap rules)) {
                throw new InputException(
                        new Location(shown, n.line()),
                        "rules must map rule ids to off, on, error, warning or info",
                        "write rules: {plaintext-secret: off}");
            }
            rules.entries().forEach((rule, e) -> {
                String v = e.value() instanceof YScalar sc ? sc.value().toLowerCase(Locale.ROOT) : "";
                switch (v) {
                    case "off" -> off.put(rule, CONFIG_FILE + " turns " + rule + " off");
                    case "on" -> off.remove(rule);
                    case "error", "warning", "info" -> severity.put(rule, Severity.valueOf(v.toUpperCase(Locale.ROOT)));
                    default ->
                        throw new InputException(
                                new Location(shown, e.keyLine()),
                                "rule " + rule + ": " + v + " is not off, on, error, warning or info",
                                "write " + rule + ": off");
                }
            });
        });
        top.get("ignorePaths").ifPresent(n -> {
            if (!(n instanceof YSeq paths)) {
                throw new InputException(
                        new Location(shown, n.line()),
                        "ignorePaths must be a list of globs",
                        "write ignorePaths: [vendor/**]");
            }
            for (YNode p : paths.items()) {
                if (p instanceof YScalar sc) {
                    ignoredPaths.add(FileSystems.getDefault().getPathMatcher("glob:" + sc.value()));
                    ignoredPathGlobs.add(sc.value());
                }
            }
        });
    }

    /** Splits the findings into those shown (with severity overrides applied) and those suppressed. */
    public Result apply(List<Finding> findings, ValidationContext ctx) {
        List<Finding> shown = new ArrayList<>();
        List<Suppressed> hidden = new ArrayList<>();
        for (Finding f : findings) {
            String why = reason(f, ctx);
            if (why != null) {
                hidden.add(new Suppressed(f, why));
                continue;
            }
            Severity s = severity.get(f.rule());
            shown.add(
                    s == null
                            ? f
                            : new Finding(f.rule(), s, f.app(), f.resource(), f.location(), f.message(), f.hint()));
        }
        return new Result(shown, hidden);
    }

    private String reason(Finding f, ValidationContext ctx) {
        if (off.containsKey(f.rule())) return off.get(f.rule());
        if (f.location().file() != null) {
            Path p = Path.of(f.location().file());
            for (int i = 0; i < ignoredPaths.size(); i++) {
                if (ignoredPaths.get(i).matches(p)) return CONFIG_FILE + " ignores " + ignoredPathGlobs.get(i);
            }
        }
        if (f.app() != null && ctx != null && ctx.hasApp(f.app())) {
            TreeApp app = ctx.app(f.app());
            String why = annotated(app.app().annotations(), f.rule(), "Application " + app.name());
            if (why != null) return why;
            if (f.resource() != null) {
                for (Inventory.Entry e : ctx.inventory().of(app.id())) {
                    if (!f.resource().equals(e.object().id().toString())) continue;
                    why = annotated(e.object().annotations(), f.rule(), f.resource());
                    if (why != null) return why;
                }
            }
        }
        return null;
    }

    private static String annotated(Map<String, String> annotations, String rule, String where) {
        String list = annotations.get(IGNORE);
        if (list == null) return null;
        Set<String> rules = new LinkedHashSet<>();
        for (String r : list.split(",")) rules.add(r.trim());
        if (!rules.contains(rule) && !rules.contains("all")) return null;
        String reason = annotations.get(IGNORE_REASON);
        return IGNORE + " on " + where + ": "
                + (reason == null || reason.isBlank() ? "no reason given" : reason.strip());
    }
}
