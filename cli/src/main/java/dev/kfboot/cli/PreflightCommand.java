package dev.kfboot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.catalog.Requests;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.preflight.Preflight;
import dev.kfboot.cluster.preflight.PreflightContext;
import dev.kfboot.cluster.preflight.PreflightResult;
import dev.kfboot.cluster.preflight.Status;
import dev.kfboot.model.Json;
import dev.kfboot.needs.ClusterNeeds;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.ResolvedPlatform;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kfboot preflight}: can this cluster take the platform? Pass/warn/fail rows; nothing is written. */
@Command(
        name = "preflight",
        mixinStandardHelpOptions = true,
        description = {
            "Check a cluster before installing the platform on it; change nothing.",
            "",
            "Kubernetes version against the release's minimum (the catalog's figure: the floor of the Istio it ships); "
                    + "allocatable CPU and memory of schedulable nodes (Ready, not cordoned, no NoSchedule or NoExecute "
                    + "taint) against what the enabled components request (the release README's figures, summed); a "
                    + "default StorageClass; the PVC storage the components request (a figure only); the platform's CRDs "
                    + "and namespaces that already exist, owned by another Argo CD Application or Helm (fail) or by nothing, "
                    + "an install by hand (warn: see kfboot adopt); Argo CD installed, ready and 3.0 or newer (the tag of "
                    + "its server image); the Application health check in argocd-cm.",
            "",
            "The platform is the spec given with -f, else the default platform of --release (default: the newest). "
                    + "A check the user's RBAC forbids becomes a warning."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no check failed (warnings allowed unless --strict)",
            "1:some check failed (or warned, with --strict)",
            "2:unusable input: the spec, --release, kubeconfig or context",
            ClusterCommand.CLUSTER_FAILED
        })
public final class PreflightCommand extends ClusterCommand {

    enum Format {
        text,
        json,
        yaml
    }

    @Mixin
    SpecOptions platform;

    @Option(
            names = "--release",
            paramLabel = "RELEASE",
            description =
                    "Without -f: check for the default platform of this kubeflow/manifests release (default: the newest known).")
    String release;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    private ClusterNeeds needs;

    @Override
    protected void validate() {
        if (release != null && platform.file != null) {
            throw new CommandFailure(
                    ExitCodes.INPUT, "pass either -f or --release", "the spec's own release: field names its release");
        }
        Platform spec = release != null ? Platform.defaults(release) : platform.load();
        Kfboot kfboot = Kfboot.quiet();
        ResolvedPlatform resolved = kfboot.resolve(spec);
        needs = ClusterNeeds.of(resolved, kfboot.plan(resolved, Sources.facts()).inventory());
    }

    @Override
    protected int run(Cluster c) {
        List<PreflightResult> results = Preflight.run(new PreflightContext(c, needs));
        long failed = results.stream().filter(r -> r.status() == Status.FAIL).count();
        long warned = results.stream().filter(r -> r.status() == Status.WARN).count();
        boolean ok = failed == 0 && !(strict && warned > 0);
        if (format != Format.text) {
            out().print(Structured.write(json(results, ok), format == Format.yaml));
        } else {
            out().println("preflight of " + c.server() + " for kubeflow/manifests " + needs.release() + ": "
                    + needs.apps().size() + " apps");
            out().println();
            TextTable t = new TextTable("RESULT", "CHECK", "DETAIL");
            for (PreflightResult r : results) t.row(r.status().label(), r.title(), r.detail());
            out().print(t.render());
            for (PreflightResult r : results) details(r);
            long passed =
                    results.stream().filter(r -> r.status() == Status.PASS).count();
            long checked =
                    results.stream().filter(r -> r.status() != Status.INFO).count();
            out().println();
            out().println(
                            failed + warned == 0
                                    ? "all " + checked + " checks passed"
                                    : failed + " failed, " + warned + " warning" + (warned == 1 ? "" : "s") + ", "
                                            + passed + " passed");
        }
        out().flush();
        return ok ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The objects behind a row and what to do, under the table. */
    private void details(PreflightResult r) {
        if (r.problems().isEmpty() && r.hint() == null) return;
        out().println();
        out().println(r.title() + ":");
        ShortList.print(out(), r.problems());
        if (r.hint() != null) out().println("  hint: " + r.hint());
    }

    private ObjectNode json(List<PreflightResult> results, boolean ok) {
        ObjectNode root = Json.object();
        root.put("release", needs.release());
        root.put("passed", ok);
        ObjectNode n = root.putObject("needs");
        Requests total = needs.total();
        n.put(
                "kubernetes",
                needs.kubernetes() == null ? null : needs.kubernetes().minimum());
        n.put("cpuMillis", total.cpuMillis());
        n.put("memoryMiB", total.memoryMiB());
        n.put("storageGB", total.storageGB());
        ArrayNode checks = root.putArray("checks");
        for (PreflightResult r : results) {
            ObjectNode o = checks.addObject();
            o.put("id", r.id());
            o.put("title", r.title());
            o.put("status", r.status().label());
            o.put("detail", r.detail());
            ArrayNode p = o.putArray("problems");
            r.problems().forEach(p::add);
            o.put("hint", r.hint());
        }
        return root;
    }
}
