package dev.kfboot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API server that redirects never gets the bearer token sent to the host it redirects to: the client follows no
 * redirects (fabric8 follows all of them by default).
 */
class NoRedirectsTest {

    static final String TOKEN = "SENTINEL-bearer-token-5d2e";

    @TempDir
    Path dir;

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private HttpServer server() throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        servers.add(s);
        return s;
    }

    @Test
    void aRedirectingApiServerDoesNotForwardTheTokenToAnotherHost() throws Exception {
        List<String> secondHostSaw = new CopyOnWriteArrayList<>();
        HttpServer other = server();
        other.createContext("/", ex -> {
            secondHostSaw.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " auth="
                    + ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}".getBytes();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        other.start();
        List<String> firstHostSaw = new CopyOnWriteArrayList<>();
        HttpServer redirecting = server();
        redirecting.createContext("/", ex -> {
            firstHostSaw.add(ex.getRequestURI().toString());
            ex.getResponseHeaders()
                    .add("Location", "http://localhost:" + other.getAddress().getPort() + ex.getRequestURI());
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        redirecting.start();
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster: {server: "http://127.0.0.1:%d"}
                contexts:
                - name: c
                  context: {cluster: c, user: u}
                current-context: c
                users:
                - name: u
                  user: {token: %s}
                """.formatted(
                        redirecting.getAddress().getPort(), TOKEN));

        try (Cluster cluster = ClientFactory.connect(new ConnectionSettings(
                kubeconfig, null, "argocd", Duration.ofSeconds(5), false, 0, Duration.ofMillis(10)))) {
            Throwable t = catchThrowable(() -> cluster.client().namespaces().list());

            assertThat(firstHostSaw).isNotEmpty(); // the request was made, and answered with a redirect
            assertThat(t).isNotNull(); // a 3xx is a failure of the request, not followed
        }
        assertThat(secondHostSaw).isEmpty();
    }
}
