package dev.kfboot.argocd;

import dev.kfboot.model.Location;

/**
 * One source of an Application.
 *
 * @param path  directory in the repository (null for Helm charts from a chart repository)
 * @param chart Helm chart name, or null
 */
public record AppSource(String repoURL, String targetRevision, String path, String chart, Location location) {}
