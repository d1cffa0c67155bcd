/**
 * Takes a path and returns the git repository it belongs to (JGit), with the few operations kfboot needs
 * on it: locate the work tree, commit named files with an author, push to the configured remote.
 */
package dev.kfboot.git;
