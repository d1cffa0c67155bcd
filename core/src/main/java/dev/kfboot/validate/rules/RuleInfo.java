package dev.kfboot.validate.rules;

import dev.kfboot.model.Severity;

/**
 * What a rule says about itself, apart from its check: the slug (the id in text, JSON and SARIF output and the
 * name of its page {@code docs/rules/<slug>.md}), the default severity of its findings and a one-line title.
 */
record RuleInfo(String slug, Severity severity, String title) {}
