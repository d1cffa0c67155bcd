/**
 * Takes the apps a watch follows and the informer's view of them, and returns where the watch stands:
 * {@link dev.kfboot.cluster.watch.AppWatch} is a pure step function (done, failed with which app and why, timed out,
 * or waiting with the progress of each wave), {@link dev.kfboot.cluster.watch.AppWatcher} feeds it the informer's
 * events until a deadline.
 */
package dev.kfboot.cluster.watch;
