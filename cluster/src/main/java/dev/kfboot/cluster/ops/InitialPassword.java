package dev.kfboot.cluster.ops;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterException;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Argo CD's initial admin password, from the secret its server creates on first start. */
public final class InitialPassword {

    public static final String SECRET = "argocd-initial-admin-secret";

    private InitialPassword() {}

    public static String read(Cluster cluster) {
        Secret s = cluster.call(
                "reading secret " + SECRET,
                () -> cluster.client()
                        .secrets()
                        .inNamespace(cluster.argoNamespace())
                        .withName(SECRET)
                        .get());
        String encoded = s == null || s.getData() == null ? null : s.getData().get("password");
        if (encoded == null) {
            throw new ClusterException(
                    ClusterException.Kind.NOT_FOUND,
                    "no initial admin password: secret " + SECRET + " is not in namespace " + cluster.argoNamespace(),
                    "Argo CD's server creates it on first start (is it installed and running?); "
                            + "it is gone once someone "
                            + "deleted it after changing the password (argocd account update-password)");
        }
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }
}
