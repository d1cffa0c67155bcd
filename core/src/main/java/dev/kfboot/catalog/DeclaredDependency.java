package dev.kfboot.catalog;

/** A runtime coupling that manifests do not show: this component needs {@code component} running first. */
public record DeclaredDependency(String component, String reason) {}
