package dev.kfboot.cli.operate;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Progress;
import dev.kfboot.cli.RenderTuning;
import dev.kfboot.cli.ShortList;
import dev.kfboot.cli.Structured;
import dev.kfboot.cli.TextTable;
import dev.kfboot.cli.TreeSourceOptions;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.adopt.Adopter;
import dev.kfboot.cluster.adopt.Adoption;
import dev.kfboot.cluster.adopt.DesiredApp;
import dev.kfboot.cluster.adopt.Handover;
import dev.kfboot.cluster.adopt.TreeObjects;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.deploy.DeployTree;
import dev.kfboot.cluster.diff.ObjectDiff;
import dev.kfboot.render.Rendering;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kfboot adopt DIR}: what handing a cluster where Kubeflow was installed by hand to the tree's apps would
 * adopt, change, create and leave unmanaged; with {@code --apply}, the Applications, automated sync off.
 */
@Command(
        name = "adopt",
        mixinStandardHelpOptions = true,
        header = "Show what a tree's apps would adopt on a hand-installed cluster.",
        description = {
            "Show what a tree's apps would adopt, change and leave on a hand-installed cluster.",
            "",
            "Renders the tree's apps as validate does and compares each app's objects with the live ones, the way "
                    + "kfboot diff does (only fields the source sets, ignoreDifferences of the "
                    + "app and of argocd-cm honoured, "
                    + "Argo CD's own annotations and Secret values left out): which live "
                    + "objects it adopts as they are, which "
                    + "its first sync changes (with the diff), which it creates, and which "
                    + "another Argo CD Application or Helm "
                    + "manages. Then the live objects in the platform's namespaces that no app "
                    + "owns, and that Argo CD will "
                    + "leave alone (not counting what Kubernetes and controllers make: owned objects, Events, Leases, "
                    + "kube-root-ca.crt, default ServiceAccounts and their tokens, "
                    + "certificates' Secrets). Nothing is written.",
            "",
            "--apply then creates the tree's AppProjects and Applications with automated sync off, so Argo CD compares "
                    + "but changes nothing: review each app's diff, then kfboot sync APP, or "
                    + "kfboot deploy DIR (wave by wave, "
                    + "automated sync switched on where the tree has it). Existing ones are left as they are."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the apps would adopt every live object as it is (with --apply: and the Applications exist)",
            "1:the first syncs would change live objects, or fight another tool over them (with "
                    + "--apply the Applications are created all the same)",
            "2:unusable input: the tree, an app that does not render, kubeconfig or context",
            ClusterCommand.CLUSTER_FAILED
        })
public final class AdoptCommand extends ClusterCommand {

    enum Format {
        text,
        json,
        yaml
    }

    @Parameters(
            index = "0",
            paramLabel = "DIR",
            description = "The tree: a directory of Applications, or the kustomization that aggregates them.")
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

    @Option(names = "--apply", description = "Create the tree's AppProjects and Applications, automated sync off.")
    boolean apply;

    @Option(
            names = {"-q", "--quiet"},
            description = "No render progress on stderr.")
    boolean quiet;

    private Validation validation;
    private List<DesiredApp> apps;
    private DeployTree argoObjects;

    @Override
    protected void validate() {
        validation = new Validator(Catalogs.builtin(), Rendering::run, new Progress(err(), !quiet), List.of())
                .validate(tree.request(dir, tuning.renderOptions()));
        List<String> unusable = TreeObjects.unusable(validation.context());
        if (!unusable.isEmpty()) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    (unusable.size() == 1
                                    ? "1 app cannot be rendered, so what it owns"
                                    : unusable.size() + " apps cannot be rendered, so what they own")
                            + " is unknown: " + String.join("; ", unusable),
                    "`kfboot validate " + dir
                            + "` shows why (--source URL=DIR maps other repositories, --remote-cache remote bases)");
        }
        apps = TreeObjects.of(validation.context());
        if (apply) {
            argoObjects = DeployTree.of(validation.context(), cluster.namespace());
            for (String s : argoObjects.skipped()) err().println("kfboot: note: skipping " + s);
        }
    }

    @Override
    protected int run(Cluster c) {
        Adoption a = Adopter.compare(c, apps, validation.context().tree().settings());
        for (String q : a.notUnderstood()) {
            err().println("kfboot: warning: ignoreDifferences jq expression not understood, not applied: " + q);
        }
        List<Handover.Step> steps = apply ? Handover.apply(new Applications(c), argoObjects) : null;
        if (format != Format.text)
            out().print(Structured.write(AdoptReport.of(cluster.namespace(), a, steps), format == Format.yaml));
        else text(c, a, steps);
        out().flush();
        err().flush();
        return a.changesLiveObjects() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void text(Cluster c, Adoption a, List<Handover.Step> steps) {
        out().println("adopting into " + c.server() + ": " + a.apps().size() + " apps of " + dir
                + " against the live objects");
        out().println();
        TextTable t = new TextTable("APP", "OBJECTS", "ADOPTED", "CHANGED", "MISSING", "OTHER-OWNER", "NOTE");
        for (Adoption.AppAdoption app : a.apps()) {
            if (app.notCompared() != null)
                t.row(app.app(), "-", "-", "-", "-", "-", "not compared: " + app.notCompared());
            else
                t.row(
                        app.app(),
                        app.objects(),
                        app.adopted().size(),
                        app.changed().size(),
                        app.missing().size(),
                        app.claimed().size(),
                        "");
        }
        out().print(t.render());
        if (a.count(Adoption.AppAdoption::changed) > 0) {
            out().println();
            out().println("changed by the first sync (only fields the source sets; Secret values hidden):");
            for (Adoption.AppAdoption app : a.apps()) for (ObjectDiff d : app.changed()) out().print(d.unified());
        }
        section(
                "missing, created by the first sync:",
                a,
                app -> app.missing().stream().map(id -> app.app() + ": " + id).toList());
        section(
                "managed by another tool, the first sync would fight over them:",
                a,
                app -> app.claimed().stream()
                        .map(x -> app.app() + ": " + x.id() + ": " + x.owner())
                        .toList());
        if (!a.unmanaged().isEmpty()) {
            out().println();
            out().println("left unmanaged: " + a.unmanaged().size() + " live object"
                    + (a.unmanaged().size() == 1 ? "" : "s") + " in " + String.join(", ", a.namespaces())
                    + " that no app owns (Argo CD leaves them alone):");
            ShortList.print(
                    out(),
                    a.unmanaged().stream()
                            .map(u -> u.id() + (u.owner() == null ? "" : ": " + u.owner()))
                            .toList());
        }
        out().println();
        out().println(a.apps().size() + " apps: " + a.count(Adoption.AppAdoption::adopted)
                + " objects adopted as they are, "
                + a.count(Adoption.AppAdoption::changed) + " changed, " + a.count(Adoption.AppAdoption::missing)
                + " missing, "
                + a.count(Adoption.AppAdoption::claimed) + " managed by another tool; "
                + a.unmanaged().size() + " left unmanaged");
        if (steps == null) {
            out().println("nothing was changed; `kfboot adopt " + dir
                    + " --apply` creates the AppProjects and Applications with automated sync off");
            return;
        }
        out().println();
        out().println("applied, every Application with automated sync off (Argo CD compares, changes nothing):");
        for (Handover.Step s : steps)
            out().println("  " + s.what() + ": " + (s.created() ? "created" : "exists, left as it is"));
        out().println("next: review the differences above (Argo CD shows each app's as well), "
                + "then start each app's first sync with "
                + "`kfboot sync APP`, or run `kfboot deploy " + dir
                + "`, which syncs wave by wave and switches automated sync on "
                + "where the tree has it");
    }

    private void section(String title, Adoption a, Function<Adoption.AppAdoption, List<String>> lines) {
        List<String> all = new ArrayList<>();
        for (Adoption.AppAdoption app : a.apps()) all.addAll(lines.apply(app));
        if (all.isEmpty()) return;
        out().println();
        out().println(title);
        ShortList.print(out(), all);
    }
}
