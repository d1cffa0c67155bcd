package dev.kfboot.cli.plan;

import dev.kfboot.Kfboot;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Progress;
import dev.kfboot.cli.RenderOptionsMixin;
import dev.kfboot.cli.SpecOptions;
import dev.kfboot.cli.TreeSourceOptions;
import dev.kfboot.cli.operate.ClusterCommand;
import dev.kfboot.cli.operate.ClusterOptions;
import dev.kfboot.cli.validate.ValidateCommand;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterException;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.files.AtomicFiles;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.Layout;
import dev.kfboot.generate.TreeGenerator;
import dev.kfboot.generate.TreeOptions;
import dev.kfboot.generate.TreeSite;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.plan.Plan;
import dev.kfboot.report.Report;
import dev.kfboot.report.ReportInput;
import dev.kfboot.report.TreePlan;
import dev.kfboot.spec.ResolvedPlatform;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.Validator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kfboot report}: a platform's plan, or a tree's graph and findings, as one self-contained HTML page. */
@Command(
        name = "report",
        header = "Write a self-contained HTML report of a plan or a tree.",
        mixinStandardHelpOptions = true,
        description = {
            "Write one self-contained HTML report (no external scripts, fonts or styles; opens from file://): "
                    + "the wave graph as SVG with every edge's reasons, and per component its "
                    + "namespaces, objects by kind, "
                    + "CRDs and Argo CD settings.",
            "With -f (or nothing: the built-in default platform) it reports the plan; with DIR it validates that "
                    + "tree and adds its findings, filterable by severity and app, each linked to its rule's page."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "1:the plan or the tree has error findings (the report is still written)",
            "2:unusable input or output path",
            "3:--live: the cluster failed (unreachable, refused, timed out)",
            "4:internal error"
        })
public final class ReportCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "An app-of-apps tree to validate and report.")
    Path dir;

    @Mixin
    SpecOptions spec;

    @Mixin
    RenderOptionsMixin render;

    @Mixin
    TreeSourceOptions tree;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "kfboot-report.html",
            description = "Where to write the HTML (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress lines on stderr.")
    boolean quiet;

    @Option(
            names = "--live",
            description = "Also colour each app with its current sync and health, read from the "
                    + "cluster's Argo CD (the cluster options below say which cluster).")
    boolean live;

    @Option(
            names = "--docs-url",
            paramLabel = "URL",
            defaultValue = ValidateCommand.DOCS_URL,
            description = "Base URL of the docs the findings' rule links point into: URL/docs/rules/RULE.md "
                    + "(default: ${DEFAULT-VALUE}, this repository).")
    String docsUrl;

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        Path folder = out.toAbsolutePath().normalize().getParent();
        if (folder != null && !Files.exists(folder)) {
            throw new InputException(
                    Location.of(out.toString()),
                    "the directory " + folder + " does not exist",
                    "create it first, or pass --out a file in an existing directory (report creates no directories)");
        }
        Progress progress = new Progress(command.commandLine().getErr(), !quiet);
        String html;
        boolean errors;
        if (dir != null) {
            if (spec.file != null) {
                throw new InputException(
                        Location.NONE, "report takes a platform (-f) or a tree (DIR), not both", "drop one of them");
            }
            Validation v = new Validator(progress).validate(tree.request(dir, render.renderOptions()));
            Plan plan = TreePlan.of(v);
            html = Report.html(plan, v.findings(), live(plan), settings(v), Set.of(), docsUrl);
            errors = v.hasErrors();
        } else {
            Kfboot kfboot = new Kfboot(progress);
            ResolvedPlatform platform = kfboot.resolve(spec.load(), render.sources());
            Plan plan = kfboot.plan(platform, render.sources());
            // The tree generate would write, in memory: the report shows each app's real Argo CD settings.
            GeneratedTree generated = TreeGenerator.generate(
                    platform,
                    plan,
                    new TreeOptions(
                            Layout.FORK,
                            new TreeSite(platform.repo().url(), platform.repo().revision(), "argocd"),
                            List.of(),
                            false));
            html = Report.html(
                    plan, null, live(plan), Report.settings(generated), Report.extraApps(generated), docsUrl);
            errors = plan.hasErrors();
        }
        AtomicFiles.write(out, html);
        command.commandLine().getErr().println("wrote " + out);
        return errors ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * Each app's sync and health from the cluster, or null without {@code --live}. An app is found by the
     * {@code kfboot.dev/component} label kfboot's Applications carry, else by its Application name.
     */
    private Map<String, ReportInput.LiveState> live(Plan plan) {
        if (!live) return null;
        Map<String, AppStatus> byKey = new LinkedHashMap<>();
        try (Cluster c = cluster.connect()) {
            for (GenericKubernetesResource app : new Applications(c).list()) {
                AppStatus s = AppStatus.of(app);
                byKey.put(s.name(), s);
                Map<String, String> labels = app.getMetadata().getLabels();
                String component = labels == null ? null : labels.get("kfboot.dev/component");
                if (component != null) byKey.put(component, s);
            }
        } catch (ClusterException e) {
            throw ClusterCommand.failure(e);
        }
        Map<String, ReportInput.LiveState> out = new LinkedHashMap<>();
        for (String app : plan.waves().keySet()) {
            AppStatus s = byKey.get(app);
            if (s != null)
                out.put(app, new ReportInput.LiveState(s.syncLabel(), s.health().label(), s.message()));
        }
        return out;
    }

    /** What each Application of the tree carries. */
    private static Map<String, ReportInput.AppSettings> settings(Validation v) {
        Map<String, ReportInput.AppSettings> out = new LinkedHashMap<>();
        for (TreeApp a : v.context().componentApps()) {
            out.put(
                    a.id(),
                    new ReportInput.AppSettings(
                            a.app().syncPolicy().syncOptions(), a.app().ignoreDifferences()));
        }
        return out;
    }
}
