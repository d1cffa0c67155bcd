package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import java.util.List;

/**
 * One family of fields the API server refuses to change on update. A field found changed makes Argo CD's apply
 * fail on every retry until the object is re-created.
 */
interface ImmutableRule {

    /** Argo CD deletes the object and creates it again (a PUT alone is refused like the patch). */
    String RECREATE = "Force=true,Replace=true";

    boolean appliesTo(GroupKind kind);

    List<FieldChange> changes(Placed from, Placed to);

    /**
     * One changed field.
     *
     * @param dataAtRisk re-creating the object loses data: no sync option is proposed, a human decides
     * @param fix        what re-creating means for this object
     */
    record FieldChange(String field, String oldValue, String newValue, boolean dataAtRisk, String fix) {

        static FieldChange recreate(String field, Object oldValue, Object newValue, String fix) {
            return new FieldChange(field, FieldValues.print(oldValue), FieldValues.print(newValue), false, fix);
        }
    }

    static List<ImmutableRule> all() {
        return List.of(
                new SelectorRule(),
                new StatefulSetRule(),
                new JobTemplateRule(),
                new ServiceIpRule(),
                new ClaimSpecRule(),
                new RoleRefRule(),
                new CrdScopeRule(),
                new ImmutableDataRule());
    }
}
