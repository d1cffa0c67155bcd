package dev.kfboot.cli.operate;

import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Structured;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.check.CheckReport;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import dev.kfboot.cluster.verify.Verifier;
import dev.kfboot.cluster.verify.VerifyContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kfboot verify}: the after-deployment checklist, as pass/fail rows. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check a deployed Kubeflow against the after-deployment checklist.",
            "",
            "Every application Synced and Healthy; Deployments, StatefulSets and "
                    + "DaemonSets ready; no pod in CrashLoopBackOff or ImagePullBackOff; CRDs "
                    + "Established; webhooks with a "
                    + "caBundle; cert-manager Certificates Ready; the user profile namespace "
                    + "present; the dashboard service "
                    + "with ready endpoints. Objects are those the applications manage."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check passed",
            "1:some check failed",
            "2:unusable settings (kubeconfig, context)",
            ClusterCommand.CLUSTER_FAILED
        })
public final class VerifyCommand extends ClusterCommand {

    enum Format {
        text,
        json,
        yaml
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--profile-namespace",
            paramLabel = "NS",
            defaultValue = "kubeflow-user-example-com",
            description =
                    "The user profile namespace that must exist (default: ${DEFAULT-VALUE}, upstream's example user).")
    String profileNamespace;

    @Option(
            names = "--dashboard",
            paramLabel = "NS/SERVICE",
            defaultValue = "kubeflow/centraldashboard",
            description = "The dashboard's service (default: ${DEFAULT-VALUE}).")
    String dashboard;

    /** What {@code verify -o json} prints: whether all passed, how many failed, and the rows with their problems. */
    record Verified(boolean passed, long failed, List<CheckResult> checks) {}

    @Override
    protected int run(Cluster c) {
        CheckReport report = Verifier.run(new VerifyContext(c, profileNamespace, dashboard));
        if (format != Format.text) {
            out().print(Structured.write(
                    new Verified(report.ok(false), report.count(CheckStatus.FAIL), report.checks()),
                    format == Format.yaml));
        } else {
            ChecklistPrinter.print(report, out());
        }
        out().flush();
        return report.ok(false) ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
