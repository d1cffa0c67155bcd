package dev.kfboot.cli.operate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kfboot.cluster.Owner;
import dev.kfboot.cluster.adopt.Adoption;
import dev.kfboot.cluster.adopt.Handover;
import dev.kfboot.model.ResourceId;
import java.util.List;

/**
 * What {@code adopt -o json} and {@code -o yaml} print: the text's table, diffs and lists as records, resource ids
 * and owners in their human-readable form.
 *
 * @param applied what {@code --apply} created or left; absent without it
 */
record AdoptReport(
        String namespace,
        boolean changesLiveObjects,
        Summary summary,
        List<AppDoc> apps,
        List<OwnedDoc> unmanaged,
        List<String> namespaces,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AppliedDoc> applied) {

    /** The counts of the text's last line. */
    record Summary(int apps, int adopted, int changed, int missing, int otherOwner, int unmanaged) {}

    /** @param notCompared why the app's objects are unknown; null when compared */
    record AppDoc(
            String app,
            String notCompared,
            List<String> adopted,
            List<ChangedDoc> changed,
            List<String> missing,
            List<OwnedDoc> otherOwner) {}

    /** @param diff unified, live against desired, Secret values hidden */
    record ChangedDoc(String id, String diff) {}

    /** @param owner the other tool that manages the object; null when none does */
    record OwnedDoc(String id, String owner) {}

    /** @param object kind and name, e.g. {@code Application katib} */
    record AppliedDoc(String object, boolean created) {}

    /** @param steps what --apply did, or null without it */
    static AdoptReport of(String namespace, Adoption a, List<Handover.Step> steps) {
        return new AdoptReport(
                namespace,
                a.changesLiveObjects(),
                new Summary(
                        a.apps().size(),
                        a.count(Adoption.AppAdoption::adopted),
                        a.count(Adoption.AppAdoption::changed),
                        a.count(Adoption.AppAdoption::missing),
                        a.count(Adoption.AppAdoption::claimed),
                        a.unmanaged().size()),
                a.apps().stream().map(AdoptReport::app).toList(),
                a.unmanaged().stream().map(u -> owned(u.id(), u.owner())).toList(),
                a.namespaces(),
                steps == null
                        ? null
                        : steps.stream()
                                .map(s -> new AppliedDoc(s.what(), s.created()))
                                .toList());
    }

    private static AppDoc app(Adoption.AppAdoption app) {
        return new AppDoc(
                app.app(),
                app.notCompared(),
                ids(app.adopted()),
                app.changed().stream()
                        .map(d -> new ChangedDoc(d.id().toString(), d.unified()))
                        .toList(),
                ids(app.missing()),
                app.claimed().stream().map(x -> owned(x.id(), x.owner())).toList());
    }

    private static OwnedDoc owned(ResourceId id, Owner owner) {
        return new OwnedDoc(id.toString(), owner == null ? null : owner.toString());
    }

    private static List<String> ids(List<ResourceId> ids) {
        return ids.stream().map(ResourceId::toString).toList();
    }
}
