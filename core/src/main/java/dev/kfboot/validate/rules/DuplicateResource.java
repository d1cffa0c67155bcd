package dev.kfboot.validate.rules;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One object rendered by two apps for the same cluster: Argo CD reports a SharedResourceWarning and the apps
 * overwrite each other on every sync (the seeds' {@code ClusterRole kubeflow-metacontroller}; a
 * common-services app pointed at {@code example/} owns every object of every other app). Also two
 * Applications with one name: the second replaces the first. One finding per pair of apps.
 */
final class DuplicateResource extends AbstractRule {

    DuplicateResource() {
        super(new RuleInfo(
                "duplicate-resource",
                Severity.ERROR,
                "One object is rendered by two Applications (SharedResourceWarning; they fight over it)"));
    }

    private record Key(String cluster, ResourceId id) {}

    @Override
    public List<Finding> check(ValidationContext ctx) {
        // the first owner of each object, and all owners of the few objects that have more than one
        Map<Key, String> first = new HashMap<>(ctx.inventory().size() * 2);
        Map<Key, TreeSet<String>> owners = new HashMap<>();
        Map<String, String> clusters = new HashMap<>();
        for (Inventory.Entry e : ctx.inventory().entries()) {
            String cluster = clusters.computeIfAbsent(e.component(), c -> cluster(ctx.app(c)));
            Key key = new Key(cluster, e.object().id().withNamespace(e.namespace()));
            String earlier = first.putIfAbsent(key, e.component());
            if (earlier != null && !earlier.equals(e.component())) {
                owners.computeIfAbsent(key, k -> new TreeSet<>(List.of(earlier)))
                        .add(e.component());
            }
        }
        Map<String, Map<String, TreeSet<ResourceId>>> pairs = new TreeMap<>();
        Map<String, Integer> shared = new HashMap<>();
        owners.forEach((key, apps) -> {
            List<String> list = new ArrayList<>(apps);
            for (int i = 0; i < list.size(); i++) {
                shared.merge(list.get(i), 1, Integer::sum);
                for (int j = i + 1; j < list.size(); j++) {
                    pairs.computeIfAbsent(list.get(i), k -> new TreeMap<>())
                            .computeIfAbsent(list.get(j), k -> new TreeSet<>())
                            .add(key.id());
                }
            }
        });
        List<Finding> out = new ArrayList<>();
        pairs.forEach((a, withA) -> withA.forEach((b, ids) -> {
            // The finding goes to the app that shares more: the one pointed at too much (common-services -> example/)
            boolean aIsWider = shared.get(a) >= shared.get(b);
            TreeApp culprit = ctx.app(aIsWider ? a : b);
            String other = aIsWider ? b : a;
            out.add(finding(
                            culprit,
                            culprit.sourceAt(0, "path"),
                            "renders " + Texts.plural(ids.size(), "object") + " that " + other + " also renders, e.g. "
                                    + ids.first()
                                    + ": Argo CD reports SharedResourceWarning and the two apps overwrite each other",
                            "let exactly one app own each object: point " + culprit.name()
                                    + " at a narrower path, or remove the duplicates with a kustomize patch")
                    .about(ids.first().toString()));
        }));
        out.addAll(sameNames(ctx));
        return out;
    }

    private List<Finding> sameNames(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        Map<String, TreeApp> first = new HashMap<>();
        for (TreeApp a : ctx.apps()) {
            String key = Objects.requireNonNullElse(a.app().namespace(), "argocd") + "/" + a.name();
            TreeApp earlier = first.putIfAbsent(key, a);
            if (earlier != null) {
                out.add(finding(
                                a,
                                a.location(),
                                "another Application is also named " + a.name() + " (" + earlier.location()
                                        + "): in the cluster the one applied last replaces the other",
                                "give every Application a unique name")
                        .about("-n " + key.replace("/", " application.argoproj.io/")));
            }
        }
        return out;
    }

    private static String cluster(TreeApp a) {
        String s = a.app().destinationServer();
        if (s != null) return s;
        String name = Objects.requireNonNullElse(a.app().destinationName(), "");
        return name.equals("in-cluster") || name.isEmpty() ? ArgoCd.IN_CLUSTER : name;
    }
}
