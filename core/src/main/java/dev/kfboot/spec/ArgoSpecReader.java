package dev.kfboot.spec;

import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.argocd.SyncPolicy;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.MapReader;
import dev.kfboot.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the sections of {@code platform.yaml} that shape the generated Argo CD tree ({@code argocd},
 * {@code syncPolicy}, {@code extraApps}, {@code environments}, {@code clusters}) as strictly as the rest:
 * unknown fields, wrong types, bad names and duplicates are errors with file, line and the known choices.
 */
final class ArgoSpecReader {

    static final List<String> ARGOCD = List.of("namespace", "project", "destination", "repo");
    static final List<String> DESTINATION = List.of("server", "name");
    static final List<String> TREE_REPO = List.of("url", "revision", "path");
    static final List<String> SYNC = List.of("automated", "prune", "selfHeal", "retry");
    static final List<String> RETRY = List.of("limit", "backoff");
    static final List<String> BACKOFF = List.of("duration", "factor", "maxDuration");
    static final List<String> EXTRA = List.of(
            "name",
            "repoURL",
            "revision",
            "path",
            "namespace",
            "dependsOn",
            "wave",
            "sync",
            "syncOptions",
            "ignoreDifferences",
            "clusterResources",
            "provides");
    static final List<String> IGNORE =
            List.of("group", "kind", "name", "namespace", "jsonPointers", "jqPathExpressions");
    static final List<String> GROUP_KIND = List.of("group", "kind");
    static final List<String> ENVIRONMENT = List.of("name", "revision", "destination", "patches");
    static final List<String> PATCH = List.of("app", "target", "patch");
    static final List<String> TARGET =
            List.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector");
    static final List<String> CLUSTER = List.of("name", "server", "labels");

    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DURATION = "([0-9]+(ms|s|m|h))+";

    private ArgoSpecReader() {}

    static ArgoCdSpec argocd(MapReader spec) {
        return spec.map("argocd", ARGOCD)
                .map(a -> new ArgoCdSpec(
                        a.string("namespace").map(n -> name(a, "namespace", n)).orElse(ArgoCdSpec.DEFAULT.namespace()),
                        a.string("project").map(n -> name(a, "project", n)).orElse(null),
                        destination(a).orElse(ArgoCdSpec.DEFAULT.destination()),
                        a.map("repo", TREE_REPO)
                                .map(r -> new Repo(
                                        r.string("url").orElse(null),
                                        r.string("revision").orElse(null),
                                        r.string("path")
                                                .map(p -> relative(r, "path", p))
                                                .orElse(null)))
                                .orElse(null)))
                .orElse(ArgoCdSpec.DEFAULT);
    }

    static SyncDefaults sync(MapReader spec) {
        return spec.map("syncPolicy", SYNC)
                .map(p -> {
                    SyncPolicy.Retry d = SyncPolicy.Retry.DEFAULT;
                    SyncPolicy.Retry retry = p.map("retry", RETRY)
                            .map(r -> {
                                int limit = r.integer("limit").orElse(d.limit());
                                if (limit < 0)
                                    throw new InputException(
                                            r.at("limit"), "retry.limit must not be negative", "write 0 or more");
                                return r.map("backoff", BACKOFF)
                                        .map(b -> new SyncPolicy.Retry(
                                                limit,
                                                duration(b, "duration").orElse(d.duration()),
                                                b.integer("factor").orElse(d.factor()),
                                                duration(b, "maxDuration").orElse(d.maxDuration())))
                                        .orElse(new SyncPolicy.Retry(limit, d.duration(), d.factor(), d.maxDuration()));
                            })
                            .orElse(d);
                    return new SyncDefaults(
                            p.bool("automated").orElse(true) ? SyncMode.AUTOMATED : SyncMode.MANUAL,
                            p.bool("prune").orElse(true),
                            p.bool("selfHeal").orElse(true),
                            retry);
                })
                .orElse(SyncDefaults.DEFAULT);
    }

    static SyncMode syncMode(MapReader m) {
        return m.string("sync")
                .map(s -> {
                    SyncMode mode = SyncMode.parse(s);
                    if (mode == null) {
                        throw new InputException(
                                m.at("sync"),
                                "unknown sync mode '" + s + "' in " + m.child("sync"),
                                "write sync: automated or sync: manual");
                    }
                    return mode;
                })
                .orElse(null);
    }

    static List<ExtraApp> extraApps(MapReader spec) {
        List<ExtraApp> out = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        List<YNode> items = spec.list("extraApps");
        for (int i = 0; i < items.size(); i++) {
            MapReader e = MapReader.of(items.get(i), spec.file(), "spec.extraApps[" + i + "]", EXTRA);
            String name = name(e, "name", e.requiredString("name", "name the application (lower-case, '-')"));
            unique(seen, name, e, "extra app");
            List<IgnoreDifference> ignores = new ArrayList<>();
            List<YNode> ig = e.list("ignoreDifferences");
            for (int j = 0; j < ig.size(); j++) {
                MapReader d = MapReader.of(ig.get(j), spec.file(), e.child("ignoreDifferences[" + j + "]"), IGNORE);
                List<String> pointers = d.strings("jsonPointers");
                for (String p : pointers) {
                    if (!p.startsWith("/"))
                        throw new InputException(
                                d.at("jsonPointers"),
                                "JSON pointer '" + p + "' must start with /",
                                "write it like /status");
                }
                List<String> jq = d.strings("jqPathExpressions");
                if (pointers.isEmpty() && jq.isEmpty()) {
                    throw new InputException(
                            d.here(),
                            d.path() + " ignores nothing",
                            "add jsonPointers (e.g. [/status]) or jqPathExpressions");
                }
                ignores.add(new IgnoreDifference(
                        d.string("group").orElse(""),
                        d.requiredString("kind", "name the kind, e.g. kind: Model"),
                        d.string("name").orElse(null),
                        d.string("namespace").orElse(null),
                        pointers,
                        jq));
            }
            List<GroupKind> clusterKinds = groupKinds(e, "clusterResources");
            List<GroupKind> provides = groupKinds(e, "provides");
            List<String> options = e.strings("syncOptions");
            for (String o : options) {
                if (!o.matches("[A-Za-z]+=[A-Za-z0-9-]+")) {
                    throw new InputException(
                            e.at("syncOptions"),
                            "sync option '" + o + "' is not Name=value",
                            "write options like PruneLast=true or PrunePropagationPolicy=foreground");
                }
            }
            Integer wave = e.integer("wave").orElse(null);
            if (wave != null && (wave < 0 || wave > 100)) {
                throw new InputException(
                        e.at("wave"),
                        "wave " + wave + " of " + name + " is out of range",
                        "pin a wave between 0 and 100");
            }
            out.add(new ExtraApp(
                    name,
                    e.string("repoURL").orElse(null),
                    e.string("revision").orElse(null),
                    e.string("path")
                            .map(p -> relative(e, "path", p))
                            .orElseThrow(() -> new InputException(
                                    e.here(),
                                    "missing required field '" + e.child("path") + "'",
                                    "give the directory inside the repository")),
                    name(e, "namespace", e.requiredString("namespace", "give the namespace it deploys into")),
                    e.strings("dependsOn"),
                    wave,
                    syncMode(e),
                    options,
                    ignores,
                    clusterKinds,
                    provides,
                    e.here()));
        }
        return out;
    }

    /** A list of {group, kind} entries. */
    static List<GroupKind> groupKinds(MapReader m, String key) {
        List<GroupKind> out = new ArrayList<>();
        for (YNode g : m.list(key)) {
            MapReader gk = MapReader.of(g, m.file(), m.child(key), GROUP_KIND);
            out.add(new GroupKind(gk.string("group").orElse(""), gk.requiredString("kind", "name the kind")));
        }
        return out;
    }

    static List<Environment> environments(MapReader spec) {
        List<Environment> out = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        List<YNode> items = spec.list("environments");
        for (int i = 0; i < items.size(); i++) {
            MapReader e = MapReader.of(items.get(i), spec.file(), "spec.environments[" + i + "]", ENVIRONMENT);
            String name = name(e, "name", e.requiredString("name", "name the environment, e.g. staging"));
            unique(seen, name, e, "environment");
            List<Environment.Patch> patches = new ArrayList<>();
            List<YNode> ps = e.list("patches");
            for (int j = 0; j < ps.size(); j++) {
                MapReader p = MapReader.of(ps.get(j), spec.file(), e.child("patches[" + j + "]"), PATCH);
                // without a target the patch names its object itself (a strategic merge patch)
                Map<String, String> target =
                        p.map("target", TARGET).map(ArgoSpecReader::targetOf).orElse(Map.of());
                patches.add(new Environment.Patch(
                        p.requiredString("app", "name the component or extra app it patches"),
                        target,
                        p.requiredString("patch", "write the patch as a block: patch: |"),
                        p.here()));
            }
            out.add(new Environment(
                    name, e.string("revision").orElse(null), destination(e).orElse(null), patches, e.here()));
        }
        return out;
    }

    static List<FleetCluster> clusters(MapReader spec) {
        List<FleetCluster> out = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        List<YNode> items = spec.list("clusters");
        for (int i = 0; i < items.size(); i++) {
            MapReader c = MapReader.of(items.get(i), spec.file(), "spec.clusters[" + i + "]", CLUSTER);
            String name = name(c, "name", c.requiredString("name", "name the cluster"));
            unique(seen, name, c, "cluster");
            String server = c.requiredString("server", "give the cluster's API server URL as Argo CD knows it");
            if (!server.startsWith("https://")) {
                throw new InputException(
                        c.at("server"),
                        "server '" + server + "' is not an https:// URL",
                        "write the API server URL, e.g. https://kubernetes.default.svc");
            }
            out.add(new FleetCluster(name, server, c.stringMap("labels"), c.here()));
        }
        return out;
    }

    private static Map<String, String> targetOf(MapReader t) {
        Map<String, String> out = new TreeMap<>();
        for (String k : TARGET) t.string(k).ifPresent(v -> out.put(k, v));
        if (out.isEmpty())
            throw new InputException(t.here(), t.path() + " selects nothing", "give at least kind (and name)");
        return out;
    }

    private static Optional<ClusterRef> destination(MapReader m) {
        return m.map("destination", DESTINATION).map(d -> {
            Optional<String> server = d.string("server");
            Optional<String> name = d.string("name");
            if (server.isPresent() == name.isPresent()) {
                throw new InputException(
                        d.here(),
                        d.path() + " needs exactly one of server and name",
                        "write server: https://... or name: CLUSTER-NAME (Argo CD refuses both)");
            }
            return new ClusterRef(server.orElse(null), name.orElse(null));
        });
    }

    private static Optional<String> duration(MapReader m, String key) {
        return m.string(key).map(v -> {
            if (!v.matches(DURATION)) {
                throw new InputException(
                        m.at(key),
                        m.child(key) + " '" + v + "' is not a duration",
                        "write a Go duration such as 5s, 3m or 1h");
            }
            return v;
        });
    }

    private static String name(MapReader m, String key, String value) {
        if (!value.matches(DNS_LABEL) || value.length() > 63) {
            throw new InputException(
                    m.at(key),
                    m.child(key) + " '" + value + "' is not a valid Kubernetes name",
                    "use lower-case letters, digits and '-', at most 63 characters");
        }
        return value;
    }

    private static String relative(MapReader m, String key, String path) {
        if (path.startsWith("/")
                || path.contains("\\")
                || Path.of(path.isEmpty() ? "." : path).normalize().startsWith("..")) {
            throw new InputException(
                    m.at(key),
                    m.child(key) + " '" + path + "' must be relative to the repository root",
                    "write a path inside the repository, without a leading / or ..");
        }
        return path;
    }

    private static void unique(Map<String, Location> seen, String name, MapReader m, String what) {
        Location first = seen.putIfAbsent(name, m.here());
        if (first != null) {
            throw new InputException(
                    m.at("name"),
                    what + " '" + name + "' is listed twice (first at line " + first.line() + ")",
                    "merge the two entries");
        }
    }
}
