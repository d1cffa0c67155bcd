package dev.kfboot.cluster.testing;

import dev.kfboot.cluster.ClientFactory;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ConnectionSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's mock API server in CRUD mode, with what tests of kfboot need around it: Argo CD's CRDs, a kubeconfig
 * pointing at it (so the code under test connects the way it does in real use), injected faults, open watches
 * that can be dropped, a stand-in for server-side apply (the mock has none: an apply patch becomes a create or a
 * merge patch), and plain handlers for sub-resources it does not serve (pod logs).
 */
public final class MockCluster implements AutoCloseable {

    /** Keeps the mock server's per-request INFO logging quiet (JUL holds loggers weakly). */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");
    /** A cold JVM spends seconds in Jackson on the mock's event loop; vert.x would warn about it. */
    private static final Logger VERTX_LOG = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");
    /** Clients reconnecting while a server shuts down between tests make netty warn; nothing is lost. */
    private static final Logger NETTY_LOG = Logger.getLogger("io.netty.bootstrap.ServerBootstrap");

    public static final String TOKEN = "good-token";
    /** The token of the test's own client (stand-ins, assertions). */
    private static final String INSIDER_TOKEN = "stand-in";

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final KubernetesMockServer server;
    private final KubernetesMixedDispatcher crud;
    private final Faults faults = new Faults();
    private final List<WebSocket> watches = new CopyOnWriteArrayList<>();
    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private final Map<String, Function<RecordedRequest, MockResponse>> handlers = new ConcurrentHashMap<>();
    private final KubernetesClient client;

    private MockCluster() {
        MOCK_LOG.setLevel(Level.SEVERE); // it warns about writes to watches of clients that already closed
        VERTX_LOG.setLevel(Level.SEVERE);
        NETTY_LOG.setLevel(Level.SEVERE);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        crud = new KubernetesMixedDispatcher(responses);
        server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()),
                new MockWebServer(),
                responses,
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return MockCluster.this.dispatch(request);
                    }
                },
                false);
        server.init();
        client = server.createClient(
                b -> b.editOrNewConfig().withOauthToken(INSIDER_TOKEN).endConfig());
    }

    public static MockCluster start() {
        return new MockCluster();
    }

    private MockResponse dispatch(RecordedRequest r) {
        String auth = String.valueOf(r.getHeader("Authorization"));
        boolean insider = auth.equals("Bearer " + INSIDER_TOKEN);
        if (!insider) requestLog.add(r.getMethod() + " " + r.getPath());
        if (!insider && !auth.equals("Bearer " + TOKEN)) return Faults.response(401);
        // Faults hit the code under test; the stand-ins play parts inside the cluster and are spared.
        Faults.Rule rule = insider ? null : faults.take(r);
        if (rule != null && !rule.serveFirst) return Faults.response(rule.code);
        MockResponse served = serve(r);
        if (rule != null && rule.delayMillis > 0) {
            try {
                Thread.sleep(rule.delayMillis); // holds this request (and the mock's event loop) like a stalled server
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return served;
        }
        if (rule != null) return Faults.response(rule.code);
        return served;
    }

    private MockResponse serve(RecordedRequest r) {
        String path = r.getPath();
        for (var h : handlers.entrySet()) {
            if (path.contains(h.getKey())) return h.getValue().apply(r);
        }
        if ("PATCH".equals(r.getMethod())
                && String.valueOf(r.getHeader("Content-Type")).contains("apply-patch")) {
            return serverSideApply(r);
        }
        MockResponse resp = crud.dispatch(r);
        WebSocketListener ws = resp.getWebSocketListener();
        if (ws != null) resp.withWebSocketUpgrade(new Tracked(ws));
        return resp;
    }

    /** The mock has no server-side apply: create the object when missing, else merge-patch it. */
    private MockResponse serverSideApply(RecordedRequest r) {
        String path = r.getPath();
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        MockResponse existing = crud.dispatch(request("GET", bare, null, null));
        if (existing.code() == 404) {
            String collection = bare.substring(0, bare.lastIndexOf('/'));
            return crud.dispatch(request("POST", collection, r.getUtf8Body(), "application/json"));
        }
        return crud.dispatch(request("PATCH", bare, r.getUtf8Body(), "application/merge-patch+json"));
    }

    private static RecordedRequest request(String method, String path, String body, String contentType) {
        Headers.Builder h = new Headers.Builder();
        if (contentType != null) h.add("Content-Type", contentType);
        Buffer buffer = new Buffer();
        if (body != null) buffer.write(body.getBytes(StandardCharsets.UTF_8));
        return new RecordedRequest("HTTP/1.1", HttpMethod.valueOf(method), path, h.build(), buffer);
    }

    /** Serves requests whose path contains {@code pathPart} with {@code handler} (e.g. pod logs). */
    public void handle(String pathPart, Function<RecordedRequest, MockResponse> handler) {
        handlers.put(pathPart, handler);
    }

    public Faults faults() {
        return faults;
    }

    /** What {@code /version} answers, e.g. ("1", "31+", "v1.31.4-eks-1234"). */
    public MockCluster serverVersion(String major, String minor, String gitVersion) {
        server.setVersionInfo(new VersionInfo.Builder()
                .withMajor(major)
                .withMinor(minor)
                .withGitVersion(gitVersion)
                .build());
        return this;
    }

    /** Every request of the code under test so far (not the stand-ins'), as "METHOD /path?query". */
    public List<String> requests() {
        return List.copyOf(requestLog);
    }

    public long countRequests(String method, String pathContains) {
        return requestLog.stream()
                .filter(l -> l.startsWith(method + " ") && l.contains(pathContains))
                .count();
    }

    /** Closes every open watch from the server side, as an API server restart or a load balancer would. */
    public int dropWatches() {
        int n = 0;
        for (WebSocket w : watches) {
            if (w.close(1011, "dropped by test")) n++;
            watches.remove(w);
        }
        return n;
    }

    public int openWatches() {
        return watches.size();
    }

    /** A client of the test itself (for stand-ins and assertions), not the code under test. */
    public KubernetesClient client() {
        return client;
    }

    public String url() {
        return server.url("/").replaceAll("/$", "");
    }

    /** A kubeconfig whose current context points at this server with {@code token}. */
    public Path kubeconfig(Path dir, String token) {
        String text = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: tester
                current-context: mock
                users:
                - name: tester
                  user:
                    token: %s
                """.formatted(url(), token);
        try {
            Path file = Files.createTempFile(dir, "kubeconfig", ".yaml");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connection settings for the code under test: this server, quick retries. */
    public ConnectionSettings settings(Path dir) {
        return new ConnectionSettings(
                kubeconfig(dir, TOKEN), null, "argocd", Duration.ofSeconds(5), false, 3, Duration.ofMillis(10));
    }

    public Cluster connect(Path dir) {
        return ClientFactory.connect(settings(dir));
    }

    /** Registers Argo CD's Application and AppProject CRDs (no status sub-resource, as upstream). */
    public MockCluster withArgoCrds() {
        createCrd("argoproj.io", "Application", "applications", "v1alpha1", true);
        createCrd("argoproj.io", "AppProject", "appprojects", "v1alpha1", true);
        return this;
    }

    public void createCrd(String group, String kind, String plural, String version, boolean namespaced) {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + group)
                .endMetadata()
                .withNewSpec()
                .withGroup(group)
                .withScope(namespaced ? "Namespaced" : "Cluster")
                .withNewNames()
                .withKind(kind)
                .withPlural(plural)
                .withSingular(kind.toLowerCase())
                .withListKind(kind + "List")
                .endNames()
                .addNewVersion()
                .withName(version)
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }

    /** Creates any object from YAML text (tests' fixtures). */
    public GenericKubernetesResource create(String yaml) {
        GenericKubernetesResource r = JSON.unmarshal(yaml, GenericKubernetesResource.class);
        return client.resource(r).create();
    }

    public <T extends HasMetadata> T create(T typed) {
        return client.resource(typed).create();
    }

    @Override
    public void close() {
        client.close();
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            // vert.x waits up to 10 s for clients to finish closing watches (JDK clients on Java 17 cannot be
            // closed); the server is gone for the next test either way, on its own port.
        }
    }

    /**
     * Remembers open watches so a test can drop them, and works around a stall of the mock: on a closed watch it waits,
     * on the event loop that delivered the close, for its event sender, which may itself be waiting for that event
     * loop to write an event; the whole server then hung for 30 s whenever a client closed a watch while an event was
     * on its way. Here the closed watch first leaves the dispatcher's list of listeners (no new events), and the
     * mock's own close handling runs on another thread.
     */
    private final class Tracked extends WebSocketListener {
        private final WebSocketListener inner;

        Tracked(WebSocketListener inner) {
            this.inner = inner;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            watches.add(webSocket);
            inner.onOpen(webSocket, response);
        }

        @Override
        public void onBeforeAccept(WebSocket webSocket, Response response) {
            inner.onBeforeAccept(webSocket, response);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            inner.onMessage(webSocket, text);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            inner.onMessage(webSocket, bytes);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            watches.remove(webSocket);
            closeLater(() -> inner.onClosing(webSocket, code, reason));
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            watches.remove(webSocket);
            closeLater(() -> inner.onClosed(webSocket, code, reason));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            watches.remove(webSocket);
            closeLater(() -> inner.onFailure(webSocket, t, response));
        }

        /** Runs the mock's close handling off the event loop, after taking its listener out of the event fan-out. */
        private void closeLater(Runnable close) {
            if (inner.getClass().getSimpleName().equals("WatchEventsListener")) {
                try {
                    Field f = inner.getClass().getDeclaredField("watchEventListenerList");
                    f.setAccessible(true);
                    ((Set<?>) f.get(inner)).remove(inner);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("the mock server changed; revisit MockCluster.Tracked", e);
                }
                CLOSER.execute(close);
            } else {
                close.run();
            }
        }
    }

    private static final ExecutorService CLOSER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mock-watch-closer");
        t.setDaemon(true);
        return t;
    });
}
