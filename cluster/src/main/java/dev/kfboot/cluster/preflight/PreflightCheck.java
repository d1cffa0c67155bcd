package dev.kfboot.cluster.preflight;

/** One item of the pre-installation checklist. */
public interface PreflightCheck {

    /** A stable id for JSON output, e.g. {@code kubernetes-version}. */
    String id();

    /** The checklist line, e.g. "a default StorageClass exists". */
    String title();

    PreflightResult run(PreflightContext ctx);
}
