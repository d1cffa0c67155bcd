package dev.kfboot.inventory;

import dev.kfboot.model.GroupKind;

/**
 * What a CustomResourceDefinition defines: the kind, its plural, its scope, and whether conversion goes
 * through a webhook (whose caBundle someone must inject).
 */
public record Crd(String group, String kind, String plural, Scope scope, boolean conversionWebhook) {

    public GroupKind definedKind() {
        return new GroupKind(group, kind);
    }
}
