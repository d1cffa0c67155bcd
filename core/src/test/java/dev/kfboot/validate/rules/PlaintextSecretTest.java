package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaintextSecretTest {

    @TempDir
    Path repo;

    @Test
    void aSecretWithDataNamesItsKeysAndNeverItsValues() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("katib", 2, "apps/katib", "kubeflow")
                .component("apps/katib", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: katib-mysql-secrets
                  namespace: kubeflow
                data:
                  MYSQL_ROOT_PASSWORD: dGVzdA==
                stringData:
                  api-token: hunter2
                """);

        assertThat(t.findings(new PlaintextSecret())).singleElement().satisfies(x -> {
            assertThat(x.resource()).isEqualTo("-n kubeflow secret/katib-mysql-secrets");
            assertThat(x.message())
                    .contains("2 keys of data (MYSQL_ROOT_PASSWORD, api-token)")
                    .doesNotContain("dGVzdA==")
                    .doesNotContain("hunter2");
            assertThat(x.toText()).doesNotContain("dGVzdA==").doesNotContain("hunter2");
        });
    }

    @Test
    void secretsWithoutDataPass() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("katib", 2, "apps/katib", "kubeflow")
                .component("apps/katib", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: filled-by-a-controller
                  namespace: kubeflow
                data:
                  token: ""
                """);

        assertThat(t.findings(new PlaintextSecret())).isEmpty();
    }
}
