package dev.kfboot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.Kfboot;
import dev.kfboot.generate.ChildApp;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.Layout;
import dev.kfboot.generate.TerraformConfig;
import dev.kfboot.generate.TreeOptions;
import dev.kfboot.generate.TreeSites;
import dev.kfboot.generate.TreeWriter;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Json;
import dev.kfboot.model.Location;
import dev.kfboot.plan.PlanJson;
import dev.kfboot.spec.ResolvedPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kfboot generate}: the Argo CD app-of-apps tree of a platform, written atomically. */
@Command(name = "generate",
        header = "Write the Argo CD app-of-apps tree (or Terraform) of a platform.",
        mixinStandardHelpOptions = true,
        description = {
            "Write the Argo CD app-of-apps tree of a platform: root Application, least-privilege AppProjects, one "
                    + "child Application per app with its plan wave and facts-driven sync options, kustomize overlays "
                    + "for per-resource options, the Application health check, environment overlays, a README.",
            "",
            "The same spec gives the same bytes. The tree is written into a temporary directory and swapped in; a "
                    + "tree edited by hand since kfboot wrote it is not overwritten without --force."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:tree written (or --diff: no difference)",
            "1:the plan has error findings, nothing written (or --diff: differences shown)",
            "2:unusable input (spec, unknown --env, tree edited by hand or foreign files without --force, "
                    + "unwritable directory)",
            "4:internal error"})
public final class GenerateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin SpecOptions spec;
    @Mixin RenderOptionsMixin render;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory of the tree (created if missing).")
    Path out;

    @Option(names = "--terraform", paramLabel = "DIR",
            description = "Also (or, without --out, only) write the same AppProjects and Applications as Terraform "
                    + "configuration (hashicorp/kubernetes kubernetes_manifest; each wave depends_on the one before and "
                    + "waits until Synced and Healthy).")
    Path terraform;

    @Option(names = "--layout", defaultValue = "fork", paramLabel = "LAYOUT",
            description = "fork: the tree sits in a kubeflow/manifests fork (spec.repo) and children read its paths; "
                    + "standalone: a repository of its own, children read upstream at the release tag "
                    + "(default: fork).")
    Layout layout;

    @Option(names = "--path-in-repo", paramLabel = "PATH",
            description = "Where DIR sits inside its git repository (default: found from the checkout; standalone "
                    + "outside a checkout: the repository root).")
    String pathInRepo;

    @Option(names = "--env", paramLabel = "NAME",
            description = "Write the overlay of this environment from spec.environments (repeatable; default: all).")
    List<String> envs = new ArrayList<>();

    @Option(names = "--applicationset", description = "A fleet: one ApplicationSet over spec.clusters with a "
            + "progressive sync step per wave, instead of child Applications.")
    boolean applicationSet;

    @Option(names = "--force", description = "Overwrite hand edits and files kfboot did not write.")
    boolean force;

    @Option(names = "--diff", description = "Write nothing; print the unified diff between DIR and the tree.")
    boolean diff;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Spec CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (this.out == null && terraform == null) {
            throw new InputException(Location.NONE, "generate needs --out DIR or --terraform DIR",
                    "--out writes the Argo CD tree, --terraform the same apps as Terraform configuration");
        }
        Layout chosen = layout;
        Kfboot kfboot = new Kfboot(new Progress(err, !quiet));
        ResolvedPlatform platform = kfboot.resolve(spec.load(), render.sources());
        TreeSites.Resolved site = TreeSites.resolve(chosen, platform, this.out != null ? this.out : terraform, pathInRepo);
        GeneratedTree tree = kfboot.generate(platform, render.sources(),
                new TreeOptions(chosen, site.site(), envs, applicationSet));
        List<Finding> findings = new ArrayList<>(site.findings());
        findings.addAll(tree.findings());
        if (!findings.isEmpty() && format == Format.text) FindingsPrinter.print(findings, err);
        if (tree.hasErrors()) {
            err.println("nothing written: " + FindingsPrinter.summary(findings));
            return ExitCodes.FINDINGS;
        }
        GeneratedTree tf = terraform == null ? null : TerraformConfig.of(tree);
        if (diff) {
            String text = (this.out == null ? "" : TreeWriter.diff(this.out, tree))
                    + (tf == null ? "" : TreeWriter.diff(terraform, tf));
            out.print(text);
            out.flush();
            if (format == Format.text) err.println(text.isEmpty() ? "no difference: the directories hold what kfboot would write"
                    : "differences shown; nothing written");
            return text.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
        TreeWriter.Result tfResult = tf == null ? null : TreeWriter.write(terraform, tf, force);
        TreeWriter.Result result = this.out == null ? null : TreeWriter.write(this.out, tree, force);
        if (format == Format.json) {
            ObjectNode root = result != null ? json(tree, result, findings) : Json.object();
            if (tfResult != null) root.put("terraform", terraform.toString());
            out.print(Json.pretty(root));
        } else {
            if (result != null) out.print(GenerateReport.text(this.out, tree, result));
            if (tfResult != null) {
                out.println("wrote Terraform configuration to " + terraform + " (" + tf.files().size() + " files, "
                        + tree.apps().size() + " applications in " + tree.plan().waveList().size()
                        + " waves): terraform -chdir=" + terraform + " init && terraform -chdir=" + terraform + " apply");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private ObjectNode json(GeneratedTree tree, TreeWriter.Result result, List<Finding> findings) {
        ObjectNode root = Json.object();
        root.put("dir", this.out.toString());
        root.put("layout", tree.options().layout().label());
        root.put("repoURL", tree.options().site().repoURL());
        root.put("revision", tree.options().site().revision());
        root.put("path", tree.options().site().path());
        ArrayNode apps = root.putArray("apps");
        for (ChildApp a : tree.apps()) {
            ObjectNode n = apps.addObject();
            n.put("app", a.id());
            n.put("application", a.name());
            n.put("wave", a.wave());
            n.put("namespace", a.namespace());
            n.put("sync", a.sync().label());
            n.put("path", a.source().path());
            if (a.overlay() != null) n.put("overlay", a.overlay().dir());
            a.syncOptions().forEach(n.putArray("syncOptions")::add);
        }
        result.added().forEach(root.putArray("added")::add);
        result.changed().forEach(root.putArray("changed")::add);
        result.removed().forEach(root.putArray("removed")::add);
        result.kept().forEach(root.putArray("kept")::add);
        if (!findings.isEmpty()) root.set("findings", PlanJson.findings(findings));
        return root;
    }
}
