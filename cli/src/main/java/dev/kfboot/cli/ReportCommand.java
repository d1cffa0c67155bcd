package dev.kfboot.cli;

import dev.kfboot.files.AtomicFiles;
import dev.kfboot.Kfboot;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.Layout;
import dev.kfboot.generate.TreeGenerator;
import dev.kfboot.generate.TreeOptions;
import dev.kfboot.generate.TreeSite;
import dev.kfboot.plan.Plan;
import dev.kfboot.spec.ResolvedPlatform;
import dev.kfboot.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kfboot report}: the plan as one self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML report (no external scripts, fonts or styles; opens from file://): "
                + "the wave graph as SVG with every edge's reasons, and per component its namespaces, objects by kind, "
                + "CRDs and Argo CD settings."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the plan has error findings (the report is still written)",
            "2:unusable input or output path", "4:internal error"})
public final class ReportCommand implements Callable<Integer> {

    @Mixin SpecOptions spec;
    @Mixin RenderOptionsMixin render;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "kfboot-report.html",
            description = "Where to write the HTML (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Spec CommandSpec command;

    @Override
    public Integer call() {
        Kfboot kfboot = new Kfboot(new Progress(command.commandLine().getErr(), !quiet));
        ResolvedPlatform platform = kfboot.resolve(spec.load());
        Plan plan = kfboot.plan(platform, render.sources());
        // The tree generate would write, in memory: the report shows each app's real Argo CD settings.
        GeneratedTree tree = TreeGenerator.generate(platform, plan, new TreeOptions(Layout.FORK,
                new TreeSite(platform.repo().url(), platform.repo().revision(), "argocd"), List.of(), false));
        AtomicFiles.write(out, Report.html(plan, null, null, Report.settings(tree), Report.extraApps(tree)));
        command.commandLine().getErr().println("wrote " + out);
        return plan.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
