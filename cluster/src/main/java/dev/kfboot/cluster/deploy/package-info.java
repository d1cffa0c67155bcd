/**
 * Takes an app-of-apps tree ({@link dev.kfboot.cluster.deploy.DeployTree}) or a selection of live apps, and
 * returns a deploy driven wave by wave: {@link dev.kfboot.cluster.deploy.Deployer} is a pure step function
 * (state in: targets, what the cluster shows, what this run did; actions out: apply, sync, enable auto-sync,
 * or an outcome), {@link dev.kfboot.cluster.deploy.DeployDriver} executes the actions against the API and feeds
 * the informer's observations back, and {@link dev.kfboot.cluster.deploy.DeploySimulation} runs the same step
 * function on assumed outcomes for {@code --dry-run}.
 */
package dev.kfboot.cluster.deploy;
