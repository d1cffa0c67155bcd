/**
 * Takes a connected cluster and what a platform needs of it ({@link dev.kfboot.needs.ClusterNeeds}) and returns
 * the pre-installation checklist as pass/warn/fail rows, one class per check: the server's Kubernetes version
 * against the release's minimum, allocatable CPU and memory on schedulable nodes against the components' requests,
 * a default StorageClass, the PVC storage the platform requests (reported, not checked), CRDs and Namespaces of the
 * platform that already exist and belong to another tool or to an earlier install, Argo CD's presence and version,
 * and the Application health check in {@code argocd-cm}. Nothing is written.
 */
package dev.kfboot.cluster.preflight;
