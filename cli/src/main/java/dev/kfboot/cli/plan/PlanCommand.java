package dev.kfboot.cli.plan;

import dev.kfboot.Kfboot;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Progress;
import dev.kfboot.cli.RenderOptionsMixin;
import dev.kfboot.cli.SpecOptions;
import dev.kfboot.cli.Structured;
import dev.kfboot.cli.validate.FindingsPrinter;
import dev.kfboot.plan.Plan;
import dev.kfboot.plan.PlanGraphs;
import dev.kfboot.plan.PlanJson;
import dev.kfboot.plan.PlanText;
import dev.kfboot.render.Rendering;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kfboot plan}: the waves, and why each component sits where it does. */
@Command(
        name = "plan",
        header = "Derive the dependency graph and compile the fewest sync waves.",
        mixinStandardHelpOptions = true,
        description = {
            "Derive the dependency graph of a platform and compile it into the fewest sync waves.",
            "",
            "By default the plan reads the facts committed for the release (offline, no upstream tree); "
                    + "--upstream renders a kubeflow/manifests tree with kustomize instead."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:plan compiled",
            "1:the plan has error findings (a render failed, facts missing)",
            "2:unusable input (spec, upstream tree, cycle, contradicting pin, no kustomize)",
            "4:internal error"
        })
public final class PlanCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        yaml,
        mermaid,
        dot
    }

    @Mixin
    SpecOptions spec;

    @Mixin
    RenderOptionsMixin render;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json and yaml "
                    + "follow docs/plan.schema.json.")
    Format format;

    @Option(
            names = "--release",
            paramLabel = "RELEASE",
            description = "kubeflow/manifests release of the built-in default platform, as init and catalog take it "
                    + "(default: the newest known; with -f the spec's release).")
    String release;

    @Option(
            names = "--explain",
            description = "List every dependency edge that placed each component, with its reasons.")
    boolean explain;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress lines on stderr.")
    boolean quiet;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Plan plan = new Kfboot(render.catalogs(), Rendering::run, new Progress(err, !quiet))
                .plan(spec.load(release), render.sources());
        switch (format) {
            case json -> out.print(PlanJson.write(plan));
            case yaml -> out.print(Structured.write(PlanJson.document(plan), true));
            case mermaid -> out.print(PlanGraphs.mermaid(plan));
            case dot -> out.print(PlanGraphs.dot(plan));
            case text -> out.print(explain ? PlanText.explain(plan) : PlanText.table(plan));
        }
        if (format != Format.json && format != Format.yaml && !plan.findings().isEmpty()) {
            FindingsPrinter.print(plan.findings(), err);
            err.println(FindingsPrinter.summary(plan.findings()));
        }
        out.flush();
        return plan.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
