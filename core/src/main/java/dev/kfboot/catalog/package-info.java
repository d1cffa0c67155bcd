/**
 * Takes a release name and returns what kfboot knows about that kubeflow/manifests release: its components
 * with variants, paths, destination namespaces, resource figures and declared runtime couplings
 * ({@code <release>.yaml}), and the facts rendered from them ({@code <release>.facts.json}).
 */
package dev.kfboot.catalog;
