package dev.kfboot.cluster.verify;

/** One item of the checklist. */
public interface Check {

    /** A stable id for JSON output, e.g. {@code apps-synced-healthy}. */
    String id();

    /** The checklist line, e.g. "Deployments, StatefulSets and DaemonSets are ready". */
    String title();

    CheckResult run(VerifyContext ctx);
}
