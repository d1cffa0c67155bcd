package dev.kfboot.cli.operate;

import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.LiveObjects;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.diff.DesiredState;
import dev.kfboot.cluster.diff.Ignores;
import dev.kfboot.cluster.diff.LiveDiff;
import dev.kfboot.cluster.diff.ObjectDiff;
import dev.kfboot.inventory.Scope;
import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfboot diff APP}: the app's rendered desired state against the live objects. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Compare an application's desired state with the live objects.",
            "",
            "Compared the way Argo CD judges them: only "
                    + "fields the desired state sets count, the app's ignoreDifferences are "
                    + "honoured, status and bookkeeping "
                    + "are left out. Also lists objects missing in the cluster and managed "
                    + "objects the source no longer has.",
            "",
            "The desired state is the app's source path rendered with kfboot's renderer from a local checkout "
                    + "(--repo-dir, with --remote-cache for remote bases), or a pre-rendered file (--rendered)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no differences",
            "1:differences",
            "2:unusable input: an unknown app, a checkout or file that does not render, kubeconfig or context",
            ClusterCommand.CLUSTER_FAILED
        })
public final class DiffCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "APP", description = "The application.")
    String app;

    static final class Source {
        @Option(
                names = "--repo-dir",
                paramLabel = "DIR",
                required = true,
                description = "A checkout of the app's repository at its target revision (e.g. "
                        + "../shared/upstream/kubeflow-manifests/26.03).")
        Path repoDir;

        @Option(
                names = "--rendered",
                paramLabel = "FILE",
                required = true,
                description = "The desired objects, already rendered (YAML).")
        Path rendered;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(
            names = "--remote-cache",
            paramLabel = "DIR",
            description = "Local copies of remote kustomize bases (INDEX.tsv).")
    Path remoteCache;

    @Override
    protected int run(Cluster c) {
        app = appName(c, app);
        GenericKubernetesResource live = new Applications(c).require(app);
        Map<String, Object> spec = Fields.map(live.getAdditionalProperties(), "spec");
        List<Map<String, Object>> docs = source.rendered != null
                ? DesiredState.read(source.rendered)
                : DesiredState.render(app, spec, source.repoDir, remoteCache);
        String defaultNs = Fields.string(spec, "destination", "namespace");
        Map<GroupKind, Scope> scopes = LiveDiff.crdScopes(docs);
        Map<ResourceId, Map<String, Object>> desired = new LinkedHashMap<>();
        List<ManagedResource> refs = new ArrayList<>();
        for (Map<String, Object> d : docs) {
            ResourceId id = LiveDiff.idOf(d, defaultNs, scopes);
            desired.put(id, d);
            String apiVersion = Fields.stringOr(d, "v1", "apiVersion");
            refs.add(new ManagedResource(
                    id, apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion, ""));
        }
        Map<ResourceId, Map<String, Object>> liveObjects = new LiveObjects(c).fetch(refs);
        List<ResourceId> managed =
                ManagedResource.of(live).stream().map(ManagedResource::id).toList();
        LiveDiff.Result result = LiveDiff.compare(desired, liveObjects, managed, Ignores.of(spec));
        for (ObjectDiff d : result.diffs()) {
            switch (d.change()) {
                case CHANGED -> out().print(d.unified());
                case MISSING -> out().println("+ " + d.id() + " (not in the cluster: a sync creates it)");
                case EXTRA ->
                    out().println("- " + d.id()
                            + " (in the cluster, not in the source: a sync with --prune deletes it)");
            }
        }
        for (String q : result.notUnderstood()) {
            err().println("kfboot: warning: ignoreDifferences jq expression not understood, not applied: " + q);
        }
        long changed = result.diffs().stream()
                .filter(d -> d.change() == ObjectDiff.Change.CHANGED)
                .count();
        long missing = result.diffs().stream()
                .filter(d -> d.change() == ObjectDiff.Change.MISSING)
                .count();
        long extra = result.diffs().stream()
                .filter(d -> d.change() == ObjectDiff.Change.EXTRA)
                .count();
        out().println(
                        result.same()
                                ? app + ": no differences in " + result.compared() + " objects"
                                : app + ": " + changed + " changed, " + missing + " missing, " + extra + " extra of "
                                        + result.compared() + " objects");
        out().flush();
        return result.same() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
