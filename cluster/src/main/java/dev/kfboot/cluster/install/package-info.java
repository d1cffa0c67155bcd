/**
 * Takes Argo CD's install manifest (a release URL or a local file) and a cluster, and returns Argo CD installed:
 * every object applied server-side into the chosen namespace, the {@code argoproj.io/Application} health check
 * added to {@code argocd-cm}, and every workload healthy; or removed again. Also reads the initial admin
 * password.
 */
package dev.kfboot.cluster.install;
