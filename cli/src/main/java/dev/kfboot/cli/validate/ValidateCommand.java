package dev.kfboot.cli.validate;

import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Main;
import dev.kfboot.cli.Progress;
import dev.kfboot.cli.RenderTuning;
import dev.kfboot.cli.Structured;
import dev.kfboot.cli.TreeSourceOptions;
import dev.kfboot.cli.VersionProvider;
import dev.kfboot.files.TreeWatcher;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.Sarif;
import dev.kfboot.validate.Suppressions;
import dev.kfboot.validate.ValidateRequest;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.ValidationJson;
import dev.kfboot.validate.ValidationWatch;
import dev.kfboot.validate.Validator;
import dev.kfboot.validate.rules.Rule;
import dev.kfboot.validate.rules.Rules;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kfboot validate DIR}: check an app-of-apps tree before it reaches a cluster. */
@Command(
        name = "validate",
        header = "Check an app-of-apps tree before it reaches a cluster.",
        mixinStandardHelpOptions = true,
        description = {
            "Validate an Argo CD app-of-apps tree: find its Applications, ApplicationSets and AppProjects, resolve "
                    + "each source to a local directory, render every app with kustomize (through a render cache), "
                    + "build one inventory and run every rule (--list-rules). Findings are printed compiler-style, "
                    + "sorted; each rule has a page under docs/rules/."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no error findings",
            "1:error findings (or warnings with --strict)",
            "2:unusable input (no tree, an Application that does not parse, a bad --source, no kustomize)",
            "4:internal error"
        })
public final class ValidateCommand implements Callable<Integer> {

    /** Where rule pages are published; their path below it is docs/rules/<slug>.md. */
    public static final String DOCS_URL = Rules.DOCS_URL;

    enum Format {
        text,
        json,
        yaml,
        sarif
    }

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "The tree: a directory of Applications, or the kustomization that aggregates them "
                    + "(default: the current directory).")
    Path dir;

    @Mixin
    TreeSourceOptions tree;

    @Mixin
    RenderTuning tuning;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    @Option(
            names = "--docs-url",
            paramLabel = "URL",
            defaultValue = DOCS_URL,
            description = "Base URL of the rule pages in SARIF helpUri (default: ${DEFAULT-VALUE}).")
    String docsUrl;

    @Option(names = "--list-rules", description = "List every rule (slug, default severity, what it checks) and exit.")
    boolean listRules;

    @Option(
            names = "--disable",
            paramLabel = "RULE",
            description = "Suppress a rule's findings (repeatable); they are counted and shown with --show-suppressed.")
    List<String> disable = new ArrayList<>();

    @Option(
            names = "--enable",
            paramLabel = "RULE",
            description = "Turn a rule back on that .kfboot.yaml turns off (repeatable).")
    List<String> enable = new ArrayList<>();

    @Option(
            names = "--show-suppressed",
            description =
                    "Also print the suppressed findings, each with why (--disable, .kfboot.yaml, kfboot.dev/ignore).")
    boolean showSuppressed;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress lines on stderr.")
    boolean quiet;

    @Option(
            names = {"-w", "--watch"},
            description = "After validating, watch the tree, the repository, the --source checkouts and the remote "
                    + "cache, and validate again on every change (Ctrl-C stops). Each run prints its findings; "
                    + "with -o json, one JSON document per run.")
    boolean watch;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (listRules) {
            for (Rule r : Rules.all())
                out.printf("%-32s %-8s %s%n", r.slug(), r.severity().label(), r.title());
            out.flush();
            return ExitCodes.OK;
        }
        if (dir == null) dir = Path.of(".");
        if (watch && format == Format.sarif) {
            throw new InputException(
                    Location.NONE,
                    "--watch prints text or JSON, not SARIF",
                    "use -o text or -o json with --watch (SARIF is one file for one run)");
        }
        for (String r : concat(disable, enable)) {
            if (Rules.bySlug(r).isEmpty()) {
                throw new InputException(Location.NONE, "unknown rule " + r, "kfboot validate --list-rules lists them");
            }
        }
        ValidateRequest request = tree.request(dir, tuning.renderOptions());
        request = request.withOptions(tree.options(new LinkedHashSet<>(disable), new LinkedHashSet<>(enable)));
        return watch
                ? watch(request, out, err)
                : exitCode(validateAndPrint(request, out, err, VersionProvider.build()));
    }

    /** @param build this build, for a validation remembered beside the render cache; null validates */
    private Validation validateAndPrint(ValidateRequest request, PrintWriter out, PrintWriter err, String build) {
        Validation v = new Validator(new Progress(err, !quiet)).validateOrRecall(request, build);
        if (!quiet) {
            err.printf(
                    "repository root: %s (%s); %d apps (%d %s of apps), %d objects; %d renders, %d from the cache%n",
                    v.repo().dir(),
                    v.repo().how(),
                    v.apps(),
                    v.parents(),
                    v.parents() == 1 ? "app" : "apps",
                    v.objects(),
                    v.rendered() + v.cached(),
                    v.cached());
            err.flush();
        }
        switch (format) {
            case json -> out.print(ValidationJson.write(v));
            case yaml -> out.print(Structured.write(ValidationJson.document(v), true));
            case sarif ->
                out.print(Sarif.write(
                        v.findings(),
                        v.suppressed(),
                        Rules.all(),
                        VersionProvider.version(),
                        docsUrl.endsWith("/") ? docsUrl : docsUrl + "/"));
            case text -> {
                FindingsPrinter.print(v.findings(), out);
                if (showSuppressed) {
                    for (Suppressions.Suppressed x : v.suppressed()) {
                        out.println("suppressed: " + x.finding().toText().replace("\n", "\n    ") + "\n    because: "
                                + x.reason());
                    }
                }
                out.println(summary(v));
            }
        }
        out.flush();
        return v;
    }

    private int exitCode(Validation v) {
        boolean fail = v.hasErrors() || strict && v.count(Severity.WARNING) > 0;
        return fail ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * Validates, then again on every change ({@link ValidationWatch}), until interrupted; then exits as the last
     * complete run would have. Unusable input at the start is an error, as without --watch; later it is reported and
     * waited out.
     */
    private int watch(ValidateRequest given, PrintWriter out, PrintWriter err) {
        ValidationWatch watch = ValidationWatch.of(given);
        try (TreeWatcher watcher = watcher(watch.roots(), watch.excluded())) {
            Validation last = watch.run(
                    watcher::awaitChange, r -> validateAndPrint(r, out, err, null), new ValidationWatch.Listener() {
                        @Override
                        public void watching() {
                            progress(
                                    err,
                                    "watching " + watcher.directories() + " directories for changes (Ctrl-C stops)");
                        }

                        @Override
                        public void changed(String files) {
                            progress(err, files + " changed: validating again");
                        }

                        @Override
                        public void unusable(InputException e) {
                            Main.handle(e, command.commandLine(), false); // printed as a run without --watch would
                        }
                    });
            return exitCode(last);
        }
    }

    private static TreeWatcher watcher(List<Path> roots, List<Path> excluded) {
        try {
            return new TreeWatcher(roots, excluded);
        } catch (UncheckedIOException e) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    e.getMessage(),
                    "on Linux, a large tree may need more inotify watches: sysctl fs.inotify.max_user_watches");
        }
    }

    private void progress(PrintWriter err, String line) {
        if (quiet) return;
        err.println("kfboot validate: " + line);
        err.flush();
    }

    public static String summary(Validation v) {
        StringBuilder sb = new StringBuilder("kfboot validate: " + v.apps() + " apps, " + v.objects() + " objects: "
                + FindingsPrinter.summary(v.findings()));
        if (!v.suppressed().isEmpty())
            sb.append(", ").append(v.suppressed().size()).append(" suppressed");
        if (!v.unverified().isEmpty()) {
            sb.append("; ")
                    .append(v.unverified().size())
                    .append(v.unverified().size() == 1 ? " app" : " apps")
                    .append(" unverified: ")
                    .append(first(v.unverified().keySet(), 5));
        }
        return sb.toString();
    }

    private static String first(Collection<String> items, int max) {
        List<String> all = new ArrayList<>(items);
        return all.size() <= max
                ? String.join(", ", all)
                : String.join(", ", all.subList(0, max)) + " and " + (all.size() - max) + " more";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
