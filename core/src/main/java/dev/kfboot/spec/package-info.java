/**
 * Takes a {@code platform.yaml} (or nothing: the built-in default) and returns the platform: release, repo
 * and the apps to install, each with its variant, declared dependencies and pinned wave, resolved against
 * the release catalog. Every mistake is an error naming the file, line and the known choices.
 */
package dev.kfboot.spec;
