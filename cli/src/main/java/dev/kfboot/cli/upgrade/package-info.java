/**
 * The {@code upgrade} command: reads both sides (releases, trees or the live cluster) and prints or writes
 * the upgrade.
 */
package dev.kfboot.cli.upgrade;
