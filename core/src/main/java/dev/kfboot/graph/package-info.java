/**
 * Takes an inventory (and the couplings the catalog and spec declare) and returns the dependency graph
 * between components: every edge with its reasons, derived from what the manifests contain (CRD providers,
 * namespace creators, fail-closed webhooks, cert-manager CA injection), plus findings for what no component
 * provides.
 */
package dev.kfboot.graph;
