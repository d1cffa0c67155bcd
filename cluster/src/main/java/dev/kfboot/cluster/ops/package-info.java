/**
 * Takes a connected cluster and an app (or all of them) and returns what the day-to-day operations need: the
 * ordered, guarded deletion of apps ({@link dev.kfboot.cluster.ops.AppDeleter}), the pods behind an app's
 * workloads and their logs ({@link dev.kfboot.cluster.ops.WorkloadPods}), port forwarding to Argo CD's server or
 * the Kubeflow gateway ({@link dev.kfboot.cluster.ops.PortForwarder}), the initial admin password, and each
 * managed object with its health ({@link dev.kfboot.cluster.ops.ResourceHealth}).
 */
package dev.kfboot.cluster.ops;
