package dev.kfboot.cli.plan;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.TreeSourceOptions;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.Layout;
import dev.kfboot.generate.TreeGenerator;
import dev.kfboot.generate.TreeOptions;
import dev.kfboot.generate.TreeSite;
import dev.kfboot.generate.TreeWriter;
import dev.kfboot.plan.Plan;
import dev.kfboot.plan.PlanText;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.ResolvedPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kfboot demo}: the main job on the built-in default platform, offline. */
@Command(
        name = "demo",
        header = "Plan, generate and validate the default Kubeflow platform, offline.",
        mixinStandardHelpOptions = true,
        description = "Plan the built-in default platform (Kubeflow 26.03 example set) from committed facts, "
                + "then generate its Argo CD tree into a new temporary directory it names: no arguments, no network, "
                + "no cluster.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:error findings", "4:internal error"})
public final class DemoCommand implements Callable<Integer> {

    private static final String TREE_DIR = "argocd";

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        Catalogs catalogs = Catalogs.builtin();
        Kfboot kfboot = Kfboot.quiet();
        ResolvedPlatform platform = kfboot.resolve(Platform.defaults(catalogs.defaultRelease()));
        Plan plan = kfboot.plan(platform, Sources.facts());
        out.println("== kfboot plan (the default Kubeflow " + plan.release() + " platform, from committed facts)");
        out.println();
        out.print(PlanText.table(plan));
        out.println();
        if (plan.hasErrors()) {
            out.flush();
            return ExitCodes.FINDINGS;
        }
        // A fresh directory of its own each run: the demo never writes where the user works.
        Path dir = Files.createTempDirectory("kfboot-demo-").resolve(TREE_DIR);
        TreeSite site = new TreeSite(platform.repo().url(), platform.repo().revision(), TREE_DIR);
        GeneratedTree tree =
                TreeGenerator.generate(platform, plan, new TreeOptions(Layout.FORK, site, List.of(), false));
        TreeWriter.Result result = TreeWriter.write(dir, tree, false);
        out.println("== kfboot generate (the same platform as an Argo CD app of apps, as it would sit at " + TREE_DIR
                + "/ in a kubeflow/manifests fork)");
        out.println();
        out.print(GenerateReport.summary(dir, tree, result));
        out.println();
        long overlays = tree.apps().stream().filter(a -> a.overlay() != null).count();
        out.println("  README.md               bootstrap steps, the waves with their reasons, each app's sync options");
        out.println("  root-app.yaml           the app of apps (never ServerSideApply: it would ignore the waves)");
        out.println("  projects.yaml           least-privilege AppProjects (no '*')");
        out.println("  argocd-cm-health.yaml   the Application health check that makes the waves wait");
        out.println("  apps/                   " + tree.apps().size() + " child Applications and their kustomization");
        out.println(
                "  overlays/               " + overlays + " overlays: Prune=false,Delete=false on CRDs and Namespaces, "
                        + "ServerSideApply on CRDs over 256 KiB");
        out.println();
        out.flush();
        var validation = DemoValidation.print(
                dir,
                site.repoURL(),
                plan.release(),
                DemoValidation.sharedUpstream(),
                TreeSourceOptions.defaultCacheDir(),
                out);
        out.println();
        out.println(
                "Next: kfboot plan --explain shows every edge and its reasons; kfboot init writes a platform.yaml to "
                        + "edit; kfboot generate -f platform.yaml --out DIR writes your tree; "
                        + "kfboot validate DIR checks any tree.");
        Path workDir = dir.getParent();
        out.println("The demo's files (the tree" + (validation != null ? " and its copy of kubeflow/manifests" : "")
                + ") stay in " + workDir + "; remove them with: rm -rf " + workDir);
        if (validation != null && validation.hasErrors()) {
            out.flush();
            return ExitCodes.FINDINGS;
        }
        out.flush();
        return ExitCodes.OK;
    }
}
