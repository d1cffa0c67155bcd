/**
 * Takes render units (a component's kustomize paths inside a manifests tree) and returns each unit's rendered
 * documents or a finding carrying kustomize's message. Runs real kustomize ({@code kustomize build} or
 * {@code kubectl kustomize}) in parallel, bounded by cores; remote bases come from a local remote cache by
 * rewriting copies in a temporary workspace, so the user's tree is never touched.
 */
package dev.kfboot.render;
