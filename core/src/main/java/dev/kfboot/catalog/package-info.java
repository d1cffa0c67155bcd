/**
 * Takes a release name (or an upstream tree) and returns what kfboot knows about that kubeflow/manifests
 * (kubeflow/community-distribution) release: its components with variants, paths, destination namespaces, resource
 * figures, declared runtime couplings and renames since earlier releases ({@code <release>.yaml}), and the facts
 * rendered from them ({@code <release>.facts.json}). For a tree, {@link dev.kfboot.catalog.Catalogs#forTree} gives
 * the known release it is, or a catalog derived from the tree's own {@code example/kustomization.yaml}.
 */
package dev.kfboot.catalog;
