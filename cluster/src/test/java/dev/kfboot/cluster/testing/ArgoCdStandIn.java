package dev.kfboot.cluster.testing;

import dev.kfboot.cluster.argocd.ArgoResources;
import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Plays Argo CD's application controller in the mock API server, through the same objects the real one reads
 * and writes: when an Application's {@code operation} appears it records the operation as Running, then ends it
 * as configured per app (succeed, fail, never get healthy, hang), writes sync status, health, operation state,
 * history and the app's resources, and clears {@code operation}. It also runs automated sync (and, like Argo CD,
 * does not retry a revision whose automated sync failed), processes the refresh annotation and, on deletion,
 * removes the resources finalizer. Every operation it starts is recorded, so tests can prove none was doubled.
 */
public final class ArgoCdStandIn implements AutoCloseable {

    /** How an app's operations end. */
    public enum Behaviour {
        SUCCEED,
        FAIL,
        NEVER_HEALTHY,
        HANG,
        DEGRADED
    }

    /** One operation the stand-in ran: the app, the kfboot id (or "automated"/"manual"), and the sync request. */
    public record Operation(String app, String id, Map<String, Object> request) {}

    private final KubernetesClient client;
    private final String namespace;
    private final SharedIndexInformer<GenericKubernetesResource> informer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "argocd-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Behaviour> behaviour = new ConcurrentHashMap<>();
    private final Map<String, String> failMessage = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> resources = new ConcurrentHashMap<>();
    private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();
    private final Map<String, String> failedAutoRevision = new ConcurrentHashMap<>();
    private final List<Operation> operations = new CopyOnWriteArrayList<>();
    private final List<String> refreshes = new CopyOnWriteArrayList<>();
    private final Map<String, List<Map<String, Object>>> manifests = new ConcurrentHashMap<>();
    private final List<String> replaced = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ofMillis(15);

    public ArgoCdStandIn(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        this.informer = apps().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource obj) {
                later(obj.getMetadata().getName());
            }

            @Override
            public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
                later(newObj.getMetadata().getName());
            }

            @Override
            public void onDelete(GenericKubernetesResource obj, boolean unknown) {}
        });
    }

    public static ArgoCdStandIn start(MockCluster mock) {
        return new ArgoCdStandIn(mock.client(), "argocd");
    }

    private NonNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            apps() {
        return client.genericKubernetesResources(ArgoResources.APPLICATION).inNamespace(namespace);
    }

    public ArgoCdStandIn behave(String app, Behaviour b) {
        behaviour.put(app, b);
        return this;
    }

    /** The next {@code n} operations of {@code app} fail, later ones succeed. */
    public ArgoCdStandIn failFirst(String app, int n, String message) {
        failFirst.put(app, n);
        failMessage.put(app, message);
        return this;
    }

    public ArgoCdStandIn failWith(String app, String message) {
        behaviour.put(app, Behaviour.FAIL);
        failMessage.put(app, message);
        return this;
    }

    /** What the app's sync creates, as {@code status.resources} entries (group, version, kind, namespace, name). */
    public ArgoCdStandIn resources(String app, List<Map<String, Object>> list) {
        resources.put(app, list);
        return this;
    }

    /**
     * The objects the app's source renders: a sync applies them to the cluster as Argo CD does, with the API server's
     * refusal of a changed {@code spec.selector}. An object whose {@code argocd.argoproj.io/sync-options} say
     * {@code Force=true,Replace=true} is deleted and created again (what {@code kubectl replace --force} does); any
     * other changed selector fails the sync with the API server's "field is immutable".
     */
    public ArgoCdStandIn manifests(String app, List<Map<String, Object>> objects) {
        manifests.put(app, List.copyOf(objects));
        return this;
    }

    /** Objects a sync deleted and created again because their sync options said so, as {@code Kind namespace/name}. */
    public List<String> replaced() {
        return List.copyOf(replaced);
    }

    /** One {@code status.resources} entry: what an app manages (Synced). */
    public static Map<String, Object> resource(String group, String kind, String namespace, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", group);
        m.put("version", group.equals("argoproj.io") ? "v1alpha1" : "v1");
        m.put("kind", kind);
        if (namespace != null) m.put("namespace", namespace);
        m.put("name", name);
        m.put("status", "Synced");
        return m;
    }

    public ArgoCdStandIn delay(Duration d) {
        delay = d;
        return this;
    }

    /** The app's workloads became ready: its health turns Healthy (without an operation). */
    public void heal(String app) {
        edit(app, a -> {
            status(a).put("health", Map.of("status", "Healthy"));
            return a;
        });
    }

    /** Looks at an app again (e.g. after changing its behaviour, to end a hanging operation). */
    public void kick(String app) {
        later(app);
    }

    /**
     * Waits until the app's operation has ended (none requested, none Running): a deploy that stops at a failing app
     * leaves its wave's other operations to Argo CD, which ends them after kfboot has returned.
     */
    public void awaitOperationEnded(String app, Duration timeout) {
        apps().withName(app)
                .waitUntilCondition(
                        a -> a != null
                                && !a.getAdditionalProperties().containsKey("operation")
                                && !"Running"
                                        .equals(Fields.string(
                                                a.getAdditionalProperties(), "status", "operationState", "phase")),
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    public List<Operation> operations(String app) {
        return operations.stream().filter(o -> o.app().equals(app)).toList();
    }

    public List<String> refreshes() {
        return List.copyOf(refreshes);
    }

    private void later(String app) {
        if (!worker.isShutdown()) worker.submit(() -> react(app));
    }

    private void react(String name) {
        try {
            GenericKubernetesResource app = apps().withName(name).get();
            if (app == null) return;
            if (app.getMetadata().getDeletionTimestamp() != null) {
                edit(name, a -> {
                    List<String> f = new ArrayList<>(a.getMetadata().getFinalizers());
                    if (!f.remove("resources-finalizer.argocd.argoproj.io")) return null;
                    a.getMetadata().setFinalizers(f);
                    return a;
                });
                return;
            }
            String refresh = app.getMetadata().getAnnotations() == null
                    ? null
                    : app.getMetadata().getAnnotations().get(ArgoResources.REFRESH_ANNOTATION);
            if (refresh != null) {
                refreshes.add(name + ":" + refresh);
                edit(name, a -> {
                    a.getMetadata().getAnnotations().remove(ArgoResources.REFRESH_ANNOTATION);
                    status(a).put("reconciledAt", Instant.now().toString());
                    return a;
                });
            }
            app = apps().withName(name).get();
            Map<String, Object> op = Fields.map(app.getAdditionalProperties(), "operation");
            Map<String, Object> state = Fields.map(app.getAdditionalProperties(), "status", "operationState");
            if (!op.isEmpty()) {
                if ("Running".equals(Fields.string(state, "phase")) && op.equals(Fields.map(state, "operation"))) {
                    if (behaviourOf(name) != Behaviour.HANG) finish(name);
                    return;
                }
                start(name, op);
                return;
            }
            if (wantsAutoSync(app)) {
                Map<String, Object> auto = new LinkedHashMap<>();
                auto.put("sync", Map.of("revision", revision(app, Map.of())));
                auto.put("initiatedBy", Map.of("automated", true));
                Map<String, Object> retry = Fields.map(app.getAdditionalProperties(), "spec", "syncPolicy", "retry");
                if (!retry.isEmpty()) auto.put("retry", retry);
                edit(name, a -> {
                    a.setAdditionalProperty("operation", auto);
                    return a;
                });
            }
        } catch (KubernetesClientException e) {
            later(name); // a fault injected for the code under test hit us too: try again
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    private boolean wantsAutoSync(GenericKubernetesResource app) {
        Map<String, Object> body = app.getAdditionalProperties();
        if (!Fields.has(body, "spec", "syncPolicy", "automated")) return false;
        if ("Synced".equals(Fields.string(body, "status", "sync", "status"))) return false;
        if ("Running".equals(Fields.string(body, "status", "operationState", "phase"))) return false;
        String rev = revision(app, Map.of());
        return !rev.equals(failedAutoRevision.get(app.getMetadata().getName()));
    }

    private void start(String name, Map<String, Object> op) {
        String id = kfbootId(op);
        if (id == null) id = Fields.bool(op, "initiatedBy", "automated") ? "automated" : "manual";
        String recorded = id;
        boolean started = edit(name, a -> {
                    Map<String, Object> now = Fields.map(a.getAdditionalProperties(), "operation");
                    if (now.isEmpty()) return null;
                    Map<String, Object> st = new LinkedHashMap<>();
                    st.put("phase", "Running");
                    st.put("message", "waiting for healthy state of the resources");
                    st.put("operation", now);
                    st.put("startedAt", Instant.now().toString());
                    status(a).put("operationState", st);
                    return a;
                })
                != null;
        if (!started) return;
        operations.add(new Operation(name, recorded, op));
        sleep(delay);
        if (behaviourOf(name) != Behaviour.HANG) finish(name);
    }

    private void finish(String name) {
        Behaviour b = behaviourOf(name);
        int failures = failFirst.getOrDefault(name, 0);
        String refused = b == Behaviour.FAIL || failures > 0 ? null : apply(name);
        if (refused != null) failMessage.put(name, refused);
        boolean fail = b == Behaviour.FAIL || failures > 0 || refused != null;
        if (failures > 0) failFirst.put(name, failures - 1);
        edit(name, a -> {
            Map<String, Object> op = Fields.map(a.getAdditionalProperties(), "operation");
            if (op.isEmpty()) return null;
            String rev = revision(a, op);
            Map<String, Object> st =
                    new LinkedHashMap<>(Fields.map(a.getAdditionalProperties(), "status", "operationState"));
            st.put("finishedAt", Instant.now().toString());
            st.put("syncResult", Map.of("revision", rev));
            Map<String, Object> status = status(a);
            if (fail) {
                String msg = failMessage.getOrDefault(name, "one or more objects failed to apply");
                st.put("phase", "Failed");
                st.put("message", msg);
                st.put("retryCount", Fields.number(op, 0, "retry", "limit"));
                status.put("sync", Map.of("status", "OutOfSync", "revision", rev));
                status.put("health", Map.of("status", "Missing"));
                status.put(
                        "conditions",
                        List.of(Map.of("type", "SyncError", "message", "Failed sync attempt to " + rev + ": " + msg)));
                if (Fields.bool(op, "initiatedBy", "automated")) failedAutoRevision.put(name, rev);
            } else {
                st.put("phase", "Succeeded");
                st.put("message", "successfully synced (all tasks run)");
                status.put("sync", Map.of("status", "Synced", "revision", rev));
                status.put(
                        "health",
                        switch (b) {
                            case NEVER_HEALTHY ->
                                Map.of(
                                        "status",
                                        "Progressing",
                                        "message",
                                        "Waiting for rollout to finish: 0 of 1 updated replicas are available...");
                            case DEGRADED ->
                                Map.of("status", "Degraded", "message", "Back-off restarting failed container");
                            default -> Map.of("status", "Healthy");
                        });
                status.remove("conditions");
                status.put("resources", resources.getOrDefault(name, List.of()));
                List<Object> history = new ArrayList<>(Fields.list(status, "history"));
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", history.size());
                entry.put("revision", rev);
                entry.put("deployedAt", Instant.now().toString());
                entry.put("deployStartedAt", Fields.stringOr(st, Instant.now().toString(), "startedAt"));
                Map<String, Object> source = Fields.map(op, "sync", "source");
                entry.put(
                        "source",
                        source.isEmpty() ? Fields.map(a.getAdditionalProperties(), "spec", "source") : source);
                entry.put("initiatedBy", Fields.map(op, "initiatedBy"));
                history.add(entry);
                status.put("history", history);
                failedAutoRevision.remove(name);
            }
            status.put("operationState", st);
            a.getAdditionalProperties().remove("operation");
            return a;
        });
    }

    /** Applies the app's objects; the API server's refusal, or null when every object applied. */
    @SuppressWarnings("unchecked")
    private String apply(String app) {
        for (Map<String, Object> o : manifests.getOrDefault(app, List.of())) {
            HasMetadata desired =
                    (HasMetadata) client.getKubernetesSerialization().convertValue(o, KubernetesResource.class);
            var live = client.resource(desired).get();
            if (live == null) {
                client.resource(desired).create();
                continue;
            }
            Map<String, Object> liveMap = client.getKubernetesSerialization().convertValue(live, Map.class);
            boolean selectorChanges =
                    !Fields.map(liveMap, "spec", "selector").equals(Fields.map(o, "spec", "selector"));
            String options = Fields.string(o, "metadata", "annotations", "argocd.argoproj.io/sync-options");
            boolean forceReplace =
                    options != null && options.contains("Force=true") && options.contains("Replace=true");
            String id = desired.getKind() + " " + desired.getMetadata().getNamespace() + "/"
                    + desired.getMetadata().getName();
            if (forceReplace) {
                client.resource(live).withGracePeriod(0).delete();
                client.resource(desired).waitUntilCondition(Objects::isNull, 5, TimeUnit.SECONDS);
                client.resource(desired).create();
                replaced.add(id);
            } else if (selectorChanges) {
                return "one or more objects failed to apply, reason: " + desired.getKind() + " \""
                        + desired.getMetadata().getName()
                        + "\" is invalid: spec.selector: Invalid value: field is immutable";
            } else {
                desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
                client.resource(desired).update();
            }
        }
        return null;
    }

    private Behaviour behaviourOf(String app) {
        return behaviour.getOrDefault(app, Behaviour.SUCCEED);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(GenericKubernetesResource a) {
        Object s = a.getAdditionalProperties().get("status");
        if (!(s instanceof Map)) {
            s = new LinkedHashMap<String, Object>();
            a.setAdditionalProperty("status", s);
        } else if (!(s instanceof LinkedHashMap)) {
            s = new LinkedHashMap<>((Map<String, Object>) s);
            a.setAdditionalProperty("status", s);
        }
        return (Map<String, Object>) s;
    }

    private static String kfbootId(Map<String, Object> op) {
        for (Map<String, Object> i : Fields.maps(op, "info")) {
            if (ArgoResources.OPERATION_INFO.equals(Fields.string(i, "name"))) return Fields.string(i, "value");
        }
        return null;
    }

    /** The revision an operation syncs to: the one it names, else a stable fake commit of the target revision. */
    static String revision(GenericKubernetesResource app, Map<String, Object> op) {
        String asked = Fields.string(op, "sync", "revision");
        if (asked != null && asked.length() == 40) return asked;
        String target = Fields.stringOr(app.getAdditionalProperties(), "HEAD", "spec", "source", "targetRevision");
        if (asked != null) target = asked;
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private GenericKubernetesResource edit(String name, UnaryOperator<GenericKubernetesResource> change) {
        for (int i = 0; i < 20; i++) {
            GenericKubernetesResource fresh = apps().withName(name).get();
            if (fresh == null) return null;
            GenericKubernetesResource changed = change.apply(fresh);
            if (changed == null) return null;
            try {
                return apps().resource(changed).update();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) throw e;
            }
        }
        throw new IllegalStateException("stand-in could not write " + name);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        informer.close();
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
