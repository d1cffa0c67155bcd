package dev.kfboot.cluster.adopt;

import dev.kfboot.cluster.Owner;
import dev.kfboot.cluster.diff.ObjectDiff;
import dev.kfboot.model.ResourceId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What handing a cluster's objects to the tree's apps means.
 *
 * @param apps          per app, in tree order
 * @param unmanaged     live objects in the platform's namespaces that no app owns, sorted
 * @param namespaces    the platform's namespaces that were looked through, sorted
 * @param notUnderstood ignoreDifferences jq expressions kfboot could not apply
 */
public record Adoption(
        List<AppAdoption> apps, List<Unmanaged> unmanaged, List<String> namespaces, List<String> notUnderstood) {

    public Adoption {
        apps = List.copyOf(apps);
        unmanaged =
                unmanaged.stream().sorted(Comparator.comparing(Unmanaged::id)).toList();
        namespaces = namespaces.stream().sorted().toList();
        notUnderstood = List.copyOf(notUnderstood);
    }

    /**
     * One app.
     *
     * @param notCompared why its objects are unknown; null when compared
     * @param adopted     live objects Argo CD takes over as they are
     * @param changed     live objects its first sync changes, with the diff (Secret values hidden)
     * @param missing     objects its first sync creates
     * @param claimed     live objects another Argo CD app or Helm manages: the first sync would fight over them
     */
    public record AppAdoption(
            String app,
            String notCompared,
            List<ResourceId> adopted,
            List<ObjectDiff> changed,
            List<ResourceId> missing,
            List<Claim> claimed) {

        public AppAdoption {
            adopted = adopted.stream().sorted().toList();
            changed = changed.stream()
                    .sorted(Comparator.comparing(ObjectDiff::id))
                    .toList();
            missing = missing.stream().sorted().toList();
            claimed = claimed.stream().sorted(Comparator.comparing(Claim::id)).toList();
        }

        public int objects() {
            return adopted.size() + changed.size() + missing.size() + claimed.size();
        }
    }

    /** A live object another tool manages. */
    public record Claim(ResourceId id, Owner owner) {}

    /** A live object no app of the tree owns; {@code owner} when another tool manages it, else null. */
    public record Unmanaged(ResourceId id, Owner owner) {}

    /** Whether the first syncs would change, or fight over, any live object. */
    public boolean changesLiveObjects() {
        return apps.stream()
                .anyMatch(a -> !a.changed().isEmpty() || !a.claimed().isEmpty());
    }

    public int count(Function<AppAdoption, List<?>> what) {
        return apps.stream().mapToInt(a -> what.apply(a).size()).sum();
    }
}
