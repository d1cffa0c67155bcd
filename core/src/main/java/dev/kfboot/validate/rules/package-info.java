/**
 * Takes a {@link dev.kfboot.validate.ValidationContext} and returns findings: one class per rule, each with a
 * stable slug, a default severity and a page under {@code docs/rules/}. Rules are pure functions of the
 * context, so each is tested with inline YAML and no renderer. A rule extends {@link AbstractRule} with its
 * {@link RuleInfo} and writes only its check.
 */
package dev.kfboot.validate.rules;
