package dev.kfboot.cli.operate;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.catalog.Requests;
import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.SpecOptions;
import dev.kfboot.cli.Structured;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.check.CheckReport;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.preflight.Preflight;
import dev.kfboot.cluster.preflight.PreflightContext;
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
                    + "allocatable CPU and memory of schedulable nodes (Ready, not cordoned, no "
                    + "NoSchedule or NoExecute "
                    + "taint) against what the enabled components request (the release README's figures, summed); a "
                    + "default StorageClass; the PVC storage the components request (a figure "
                    + "only); the platform's CRDs "
                    + "and namespaces that already exist, owned by another Argo CD Application "
                    + "or Helm (fail) or by nothing, "
                    + "an install by hand (warn: see kfboot adopt); Argo CD installed, ready "
                    + "and 3.0 or newer (the tag of "
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
            description = "Without -f: check for the default platform of this kubeflow/manifests "
                    + "release (default: the newest known).")
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

    /** What {@code preflight -o json} prints: whether it passed, what the platform needs, and the rows. */
    record Preflighted(String release, boolean passed, Needs needs, List<CheckResult> checks) {}

    /** What the platform needs of a cluster; {@code kubernetes} is the release's minimum version, null when unknown. */
    record Needs(String kubernetes, int cpuMillis, int memoryMiB, int storageGB) {}

    @Override
    protected int run(Cluster c) {
        CheckReport report = Preflight.run(new PreflightContext(c, needs));
        boolean ok = report.ok(strict);
        if (format != Format.text) {
            Requests total = needs.total();
            Needs n = new Needs(
                    needs.kubernetes() == null ? null : needs.kubernetes().minimum(),
                    total.cpuMillis(),
                    total.memoryMiB(),
                    total.storageGB());
            out().print(Structured.write(
                    new Preflighted(needs.release(), ok, n, report.checks()), format == Format.yaml));
        } else {
            out().println("preflight of " + c.server() + " for kubeflow/manifests " + needs.release() + ": "
                    + needs.apps().size() + " apps");
            out().println();
            ChecklistPrinter.print(report, out());
        }
        out().flush();
        return ok ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
