package dev.kfboot.cli;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.Sarif;
import dev.kfboot.validate.ValidateRequest;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.ValidationJson;
import dev.kfboot.validate.Validator;
import dev.kfboot.validate.rules.Rule;
import dev.kfboot.validate.rules.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kfboot validate DIR}: check an app-of-apps tree before it reaches a cluster. */
@Command(name = "validate",
        header = "Check an app-of-apps tree before it reaches a cluster.", mixinStandardHelpOptions = true,
        description = {
            "Validate an Argo CD app-of-apps tree: find its Applications, ApplicationSets and AppProjects, resolve "
                    + "each source to a local directory, render every app with kustomize (through a render cache), "
                    + "build one inventory and run every rule (--list-rules). Findings are printed compiler-style, "
                    + "sorted; each rule has a page under docs/rules/."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no error findings", "1:error findings (or warnings with --strict)",
            "2:unusable input (no tree, an Application that does not parse, a bad --source, no kustomize)",
            "4:internal error"})
public final class ValidateCommand implements Callable<Integer> {

    /** Where rule pages are published; their path below it is docs/rules/<slug>.md. */
    static final String DOCS_URL = Rules.DOCS_URL;

    enum Format { text, json, sarif }

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The tree: a directory of Applications, or the kustomization that aggregates them.")
    Path dir;

    @Mixin TreeSourceOptions tree;
    @Mixin RenderTuning tuning;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    @Option(names = "--docs-url", paramLabel = "URL", defaultValue = DOCS_URL,
            description = "Base URL of the rule pages in SARIF helpUri (default: ${DEFAULT-VALUE}).")
    String docsUrl;

    @Option(names = "--list-rules", description = "List every rule (slug, default severity, what it checks) and exit.")
    boolean listRules;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Spec CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (listRules) {
            for (Rule r : Rules.all()) out.printf("%-32s %-8s %s%n", r.slug(), r.severity().label(), r.title());
            out.flush();
            return ExitCodes.OK;
        }
        if (dir == null) {
            throw new InputException(Location.NONE, "validate needs the tree's directory",
                    "run kfboot validate DIR (the directory of the Applications)");
        }
        Validation v = new Validator(new Progress(err, !quiet)).validate(tree.request(dir, tuning.renderOptions()));
        if (!quiet) {
            err.printf("repository root: %s (%s); %d apps (%d %s of apps), %d objects; %d renders, %d from the cache%n",
                    v.repo().dir(), v.repo().how(), v.apps(), v.parents(), v.parents() == 1 ? "app" : "apps", v.objects(),
                    v.rendered() + v.cached(), v.cached());
            err.flush();
        }
        switch (format) {
            case json -> out.print(ValidationJson.write(v));
            case sarif -> out.print(Sarif.write(v.findings(), Rules.all(), VersionProvider.version(),
                    docsUrl.endsWith("/") ? docsUrl : docsUrl + "/"));
            case text -> {
                FindingsPrinter.print(v.findings(), out);
                out.println(summary(v));
            }
        }
        out.flush();
        boolean fail = v.hasErrors() || strict && v.count(Severity.WARNING) > 0;
        return fail ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    static String summary(Validation v) {
        return "kfboot validate: " + v.apps() + " apps, " + v.objects() + " objects: " + FindingsPrinter.summary(v.findings());
    }
}
