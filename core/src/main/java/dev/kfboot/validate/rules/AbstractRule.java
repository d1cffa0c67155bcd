package dev.kfboot.validate.rules;

import dev.kfboot.model.Severity;

/** A rule whose metadata is one {@link RuleInfo} given to the constructor, so a subclass only writes its check. */
abstract class AbstractRule implements Rule {

    private final RuleInfo info;

    protected AbstractRule(RuleInfo info) {
        this.info = info;
    }

    @Override
    public final String slug() {
        return info.slug();
    }

    @Override
    public final Severity severity() {
        return info.severity();
    }

    @Override
    public final String title() {
        return info.title();
    }
}
