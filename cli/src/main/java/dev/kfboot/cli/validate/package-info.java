/**
 * The {@code validate} command and the printer of findings that validate, plan and catalog share.
 */
package dev.kfboot.cli.validate;
