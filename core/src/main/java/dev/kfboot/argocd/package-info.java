/**
 * Takes Argo CD objects (Applications, ApplicationSets, AppProjects) as YAML nodes or builds them from a plan,
 * and returns typed records with their file and line, plus what an app's own objects require of Argo CD
 * ({@link dev.kfboot.argocd.AppNeeds}): server-side apply for large CRDs, ignoreDifferences for injected
 * fields, prune protection, namespace creation. Generate writes from these; validate checks against them.
 */
package dev.kfboot.argocd;
