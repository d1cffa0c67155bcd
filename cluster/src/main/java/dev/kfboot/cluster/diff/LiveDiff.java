package dev.kfboot.cluster.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.inventory.KindTable;
import dev.kfboot.inventory.Scope;
import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import dev.kfboot.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares desired objects with live ones. The live object is first cut down to the fields the desired one sets
 * (defaults the API server fills in and fields controllers own are not differences, the same way a three-way
 * apply sees it); then both lose status, bookkeeping metadata and every field an ignoreDifferences entry names.
 * Secret values never reach a diff: {@link SecretValues} replaces them by markers that say only which keys differ.
 */
public final class LiveDiff {

    /** Annotations the API server, kubectl or Argo CD add. */
    private static final Set<String> NOISE_ANNOTATIONS = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            "argocd.argoproj.io/tracking-id",
            "deployment.kubernetes.io/revision");

    private static final Set<String> NOISE_METADATA = Set.of(
            "uid",
            "resourceVersion",
            "generation",
            "creationTimestamp",
            "managedFields",
            "selfLink",
            "deletionTimestamp",
            "deletionGracePeriodSeconds");

    /** The differences, the number of objects compared, and the ignore expressions kfboot could not apply. */
    public record Result(List<ObjectDiff> diffs, int compared, List<String> notUnderstood) {
        public boolean same() {
            return diffs.isEmpty();
        }
    }

    private LiveDiff() {}

    /** The id of a desired object, with the app's destination namespace for namespaced objects that set none. */
    public static ResourceId idOf(Map<String, Object> o, String defaultNamespace, Map<GroupKind, Scope> crdScopes) {
        GroupKind gk = GroupKind.of(Fields.string(o, "apiVersion"), Fields.string(o, "kind"));
        Scope scope = KindTable.builtins().scopeOf(gk);
        if (scope == Scope.UNKNOWN) scope = crdScopes.getOrDefault(gk, Scope.NAMESPACED);
        String ns = Fields.string(o, "metadata", "namespace");
        if (scope == Scope.CLUSTER) ns = null;
        else if (ns == null) ns = defaultNamespace;
        return ResourceId.of(gk.group(), gk.kind(), ns, Fields.string(o, "metadata", "name"));
    }

    /** Scopes of the kinds the desired objects' own CRDs define. */
    public static Map<GroupKind, Scope> crdScopes(List<Map<String, Object>> desired) {
        Map<GroupKind, Scope> out = new HashMap<>();
        for (Map<String, Object> o : desired) {
            if (!"CustomResourceDefinition".equals(Fields.string(o, "kind"))) continue;
            out.put(
                    new GroupKind(Fields.string(o, "spec", "group"), Fields.string(o, "spec", "names", "kind")),
                    Scope.ofCrdScope(Fields.string(o, "spec", "scope")));
        }
        return out;
    }

    /**
     * @param desired  desired objects by id (see {@link #idOf})
     * @param live     live objects by id; absent when missing
     * @param managed  ids the app manages in the cluster (for extra objects); empty to skip that check
     */
    public static Result compare(
            Map<ResourceId, Map<String, Object>> desired,
            Map<ResourceId, Map<String, Object>> live,
            List<ResourceId> managed,
            List<IgnoreDifference> ignores) {
        List<ObjectDiff> diffs = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        for (var e : desired.entrySet()) {
            ResourceId id = e.getKey();
            Map<String, Object> have = live.get(id);
            if (have == null) {
                diffs.add(new ObjectDiff(id, ObjectDiff.Change.MISSING, ""));
                continue;
            }
            Map<String, Object> wanted = clean(e.getValue());
            Map<String, Object> living = clean(have);
            if (SecretValues.isSecret(id)) SecretValues.hide(wanted, living);
            Object want = wanted;
            Object got = project(living, want);
            for (IgnoreDifference ig : ignores) {
                if (!ig.appliesTo(id.group(), id.kind(), id.namespace(), id.name())) continue;
                for (String p : ig.jsonPointers()) {
                    FieldPaths.removePointer(want, p);
                    FieldPaths.removePointer(got, p);
                }
                for (String q : ig.jqPathExpressions()) {
                    if (!FieldPaths.removeJq(want, q) | !FieldPaths.removeJq(got, q)) {
                        if (!notUnderstood.contains(q)) notUnderstood.add(q);
                    }
                }
            }
            if (want.equals(got)) continue;
            diffs.add(new ObjectDiff(id, ObjectDiff.Change.CHANGED, unified(id, got, want)));
        }
        for (ResourceId m : managed) {
            if (!desired.containsKey(m)) diffs.add(new ObjectDiff(m, ObjectDiff.Change.EXTRA, ""));
        }
        diffs.sort(Comparator.comparing(ObjectDiff::id));
        return new Result(diffs, desired.size(), notUnderstood);
    }

    /** A deep copy without status and bookkeeping metadata. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> clean(Map<String, Object> o) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(o);
        copy.remove("status");
        if (copy.get("metadata") instanceof Map<?, ?> meta) {
            Map<String, Object> m = (Map<String, Object>) meta;
            NOISE_METADATA.forEach(m::remove);
            if (m.get("annotations") instanceof Map<?, ?> a) {
                NOISE_ANNOTATIONS.forEach(a::remove);
                if (a.isEmpty()) m.remove("annotations");
            }
            for (String k : List.of("labels", "ownerReferences", "finalizers")) {
                Object v = m.get(k);
                if (v instanceof Map<?, ?> vm && vm.isEmpty() || v instanceof List<?> vl && vl.isEmpty()) m.remove(k);
            }
        }
        return copy;
    }

    /** The parts of {@code live} that {@code desired} sets; lists of equal length element by element. */
    @SuppressWarnings("unchecked")
    static Object project(Object live, Object desired) {
        if (live instanceof Map<?, ?> lm && desired instanceof Map<?, ?> dm) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : ((Map<String, Object>) dm).entrySet()) {
                if (lm.containsKey(e.getKey())) out.put(e.getKey(), project(lm.get(e.getKey()), e.getValue()));
            }
            return out;
        }
        if (live instanceof List<?> ll && desired instanceof List<?> dl && ll.size() == dl.size()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < ll.size(); i++) out.add(project(ll.get(i), dl.get(i)));
            return out;
        }
        return normalNumber(live);
    }

    private static Object normalNumber(Object v) {
        if (v instanceof Integer i) return i.longValue();
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, deepCopy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(deepCopy(x));
            return out;
        }
        return normalNumber(v);
    }

    private static String unified(ResourceId id, Object live, Object desired) {
        List<String> a = YamlWriter.write(live).lines().toList();
        List<String> b = YamlWriter.write(desired).lines().toList();
        List<String> lines =
                UnifiedDiffUtils.generateUnifiedDiff("live " + id, "desired " + id, a, DiffUtils.diff(a, b), 3);
        return String.join("\n", lines) + "\n";
    }
}
