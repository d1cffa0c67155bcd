/**
 * Takes a manifest file and field assignments ({@code KIND/NAME:PATH=VALUE}) and returns the edited text and
 * the list of changes, keeping comments and formatting; the commit message that names them.
 */
package dev.kfboot.edit;
