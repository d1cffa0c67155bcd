/**
 * Commands that talk to a cluster through the Kubernetes API (cluster module): install Argo CD, deploy,
 * status, watch, sync, diff, logs, verify, history, rollback, delete, adopt. {@link ClusterCommand} holds
 * the connection options and the exit codes they share.
 */
package dev.kfboot.cli.operate;
