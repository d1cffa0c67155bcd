/**
 * Takes connection settings (kubeconfig, context, Argo CD namespace, timeouts) and returns a connected
 * {@link dev.kfboot.cluster.Cluster}: the fabric8 client kfboot drives and observes Argo CD through. Failures
 * of the API (unreachable, refused credentials, throttling, server errors, timeouts) become
 * {@link dev.kfboot.cluster.ClusterException}s with a hint; the CLI turns them into exit code 3.
 */
package dev.kfboot.cluster;
