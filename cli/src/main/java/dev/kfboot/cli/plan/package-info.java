/**
 * Commands that plan and write: {@code plan}, {@code report}, {@code init}, {@code generate}, {@code set},
 * {@code update-repo-url}, {@code catalog} and {@code demo}. They read specs and trees and write files; none
 * talks to a cluster.
 */
package dev.kfboot.cli.plan;
