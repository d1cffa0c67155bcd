package dev.kfboot.cli;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.plan.Plan;
import dev.kfboot.plan.PlanText;
import dev.kfboot.spec.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code kfboot demo}: the main job on the built-in default platform, offline. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Plan the built-in default platform (Kubeflow " + "26.03 example set) from committed facts: "
                + "no arguments, no network, no cluster.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "1:error findings", "4:internal error"})
public final class DemoCommand implements Callable<Integer> {

    @Spec CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        Catalogs catalogs = Catalogs.builtin();
        Plan plan = Kfboot.quiet().plan(Platform.defaults(catalogs.defaultRelease()), Sources.facts());
        out.println("== kfboot plan (the default Kubeflow " + plan.release() + " platform, from committed facts)");
        out.println();
        out.print(PlanText.table(plan));
        out.println();
        out.println("Next: kfboot plan --explain shows every edge and its reasons; kfboot init writes a platform.yaml to edit.");
        out.flush();
        return plan.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
