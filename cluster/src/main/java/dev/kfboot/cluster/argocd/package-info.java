/**
 * Takes a connected cluster and returns Argo CD's Applications as kfboot sees them ({@link
 * dev.kfboot.cluster.argocd.AppStatus}: wave, sync, health, last operation, retries exhausted), kept current by
 * one informer ({@link dev.kfboot.cluster.argocd.AppStore}); and drives them the way Argo CD's own API does,
 * through the Application's {@code operation} field ({@link dev.kfboot.cluster.argocd.OperationTrigger}, which
 * never starts a second operation on a retry), the refresh annotation, the finalizer and the history.
 */
package dev.kfboot.cluster.argocd;
