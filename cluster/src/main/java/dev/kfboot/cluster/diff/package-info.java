/**
 * Takes an app's desired state (its source rendered with kfboot's renderer, or pre-rendered YAML) and the live
 * objects, and returns their differences the way Argo CD judges them: only fields the desired state sets are
 * compared, noise the API server and Argo CD add is dropped, and the app's {@code ignoreDifferences} (JSON
 * pointers and simple jq paths) are honoured. Objects missing in the cluster, and managed objects the source no
 * longer has, are reported too.
 */
package dev.kfboot.cluster.diff;
