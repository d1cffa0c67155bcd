/**
 * Takes command lines and returns exit codes: the thin picocli shell over the core library and the cluster
 * package. Commands parse options, call the library, print; {@link dev.kfboot.cli.Main} alone maps failures
 * to exit codes.
 */
package dev.kfboot.cli;
