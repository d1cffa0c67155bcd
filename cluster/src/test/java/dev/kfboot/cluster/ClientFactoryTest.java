package dev.kfboot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS verification stays on unless the user turns it off, with the flag or in the kubeconfig; plain-HTTP endpoints
 * (kubectl proxy) are spoken to in HTTP/1.1.
 */
class ClientFactoryTest {

    static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: prod
              cluster:
                server: https://10.0.0.1:6443
                %s
            contexts:
            - name: prod
              context: {cluster: prod, user: admin}
            current-context: prod
            users:
            - name: admin
              user: {token: abc}
            """;

    @TempDir
    Path dir;

    private Config config(String clusterExtra, boolean flag) throws Exception {
        Path file = Files.writeString(
                dir.resolve("kubeconfig-" + flag + clusterExtra.hashCode()), KUBECONFIG.formatted(clusterExtra));
        return ClientFactory.config(
                new ConnectionSettings(file, null, "argocd", Duration.ofSeconds(5), flag, 1, Duration.ofMillis(10)));
    }

    @Test
    void verifiesCertificatesByDefault() throws Exception {
        Config c = config("", false);
        assertThat(c.isTrustCerts()).isFalse();
        assertThat(c.isDisableHostnameVerification()).isFalse();
    }

    @Test
    void theFlagTurnsVerificationOff() throws Exception {
        Config c = config("", true);
        assertThat(c.isTrustCerts()).isTrue();
        assertThat(c.isDisableHostnameVerification()).isTrue();
    }

    @Test
    void theKubeconfigCanTurnItOffToo() throws Exception {
        assertThat(config("insecure-skip-tls-verify: true", false).isTrustCerts())
                .isTrue();
    }

    @Test
    void plainHttpEndpointsUseHttp11AndTlsOnesMayNegotiateHttp2() throws Exception {
        assertThat(config("", false).isHttp2Disable()).isFalse();
        Path proxy = Files.writeString(
                dir.resolve("kubeconfig-proxy"),
                KUBECONFIG.formatted("").replace("https://10.0.0.1:6443", "http://127.0.0.1:8001"));
        Config c = ClientFactory.config(
                new ConnectionSettings(proxy, null, "argocd", Duration.ofSeconds(5), false, 1, Duration.ofMillis(10)));
        assertThat(c.isHttp2Disable()).isTrue();
    }
}
