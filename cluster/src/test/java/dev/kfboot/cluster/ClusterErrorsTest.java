package dev.kfboot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Every way the API fails becomes one kind of failure with a message that says what was being done. */
class ClusterErrorsTest {

    static ClusterException translate(Throwable t) {
        return ClusterErrors.translate(t, "listing Applications", "https://10.0.0.1:6443 (context kind-kubeflow)");
    }

    static KubernetesClientException status(int code, String message) {
        return new KubernetesClientException(
                new StatusBuilder().withCode(code).withMessage(message).build());
    }

    @Test
    void eachCauseHasItsKind() {
        assertThat(translate(new KubernetesClientException("x", new ConnectException("Connection refused")))
                        .kind())
                .isEqualTo(ClusterException.Kind.UNREACHABLE);
        assertThat(translate(new KubernetesClientException("x", new HttpTimeoutException("request timed out")))
                        .kind())
                .isEqualTo(ClusterException.Kind.TIMEOUT);
        assertThat(translate(new KubernetesClientException("x", new SSLHandshakeException("PKIX path building failed")))
                        .kind())
                .isEqualTo(ClusterException.Kind.TLS);
        assertThat(translate(status(401, "Unauthorized")).kind()).isEqualTo(ClusterException.Kind.UNAUTHORIZED);
        assertThat(translate(status(403, "applications.argoproj.io is forbidden"))
                        .kind())
                .isEqualTo(ClusterException.Kind.FORBIDDEN);
        assertThat(translate(status(404, "not found")).kind()).isEqualTo(ClusterException.Kind.NOT_FOUND);
        assertThat(translate(status(429, "slow down")).kind()).isEqualTo(ClusterException.Kind.THROTTLED);
        assertThat(translate(status(503, "etcdserver: leader changed")).kind())
                .isEqualTo(ClusterException.Kind.API_ERROR);
        assertThat(translate(status(422, "spec.source: Required value")).kind())
                .isEqualTo(ClusterException.Kind.FAILED);
    }

    @Test
    void messagesNameTheServerWhatWasBeingDoneAndWhy() {
        ClusterException e = translate(status(403, "applications.argoproj.io is forbidden: User \"dev\" cannot list"));
        assertThat(e.getMessage())
                .isEqualTo("forbidden (403) while listing Applications: applications.argoproj.io is forbidden: "
                        + "User \"dev\" cannot list");
        assertThat(e.hint()).contains("RBAC");
        assertThat(translate(new KubernetesClientException("x", new ConnectException("Connection refused")))
                        .getMessage())
                .isEqualTo("cannot reach the Kubernetes API at https://10.0.0.1:6443 (context "
                        + "kind-kubeflow) while listing Applications: connection refused");
        // the JDK leaves most network messages empty: words, never a class name
        assertThat(translate(new KubernetesClientException("x", new ConnectException()))
                        .getMessage())
                .endsWith("while listing Applications: connection refused")
                .doesNotContain("Exception");
        assertThat(translate(new KubernetesClientException("x", new UnknownHostException("api.example")))
                        .getMessage())
                .endsWith(": unknown host api.example");
        assertThat(translate(new KubernetesClientException("x", new ClosedChannelException()))
                        .getMessage())
                .endsWith(": the connection was closed");
        assertThat(translate(new KubernetesClientException("x", new SSLHandshakeException("PKIX path building failed")))
                        .hint())
                .contains("--insecure-skip-tls-verify");
    }
}
