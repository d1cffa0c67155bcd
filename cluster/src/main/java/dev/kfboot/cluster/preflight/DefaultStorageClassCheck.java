package dev.kfboot.cluster.preflight;

import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;
import java.util.Map;

/**
 * Exactly one StorageClass is the default (annotation {@code storageclass.kubernetes.io/is-default-class: "true"},
 * or its old beta spelling): the platform's PVCs (pipelines' MySQL and object store, katib's database) name no
 * class and stay Pending without one. With several defaults Kubernetes picks the newest, which is rarely meant.
 */
public final class DefaultStorageClassCheck implements Check<PreflightContext> {

    static final List<String> DEFAULT_ANNOTATIONS =
            List.of("storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class");

    @Override
    public String id() {
        return "default-storage-class";
    }

    @Override
    public String title() {
        return "a default StorageClass exists";
    }

    @Override
    public CheckResult run(PreflightContext ctx) {
        List<StorageClass> all = ctx.cluster()
                .call(
                        "listing StorageClasses",
                        () -> ctx.cluster()
                                .client()
                                .storage()
                                .v1()
                                .storageClasses()
                                .list()
                                .getItems());
        List<String> defaults = all.stream()
                .filter(DefaultStorageClassCheck::isDefault)
                .map(s -> s.getMetadata().getName() + " (" + s.getProvisioner() + ")")
                .sorted()
                .toList();
        int storage = ctx.needs().total().storageGB();
        if (defaults.isEmpty()) {
            String detail =
                    "none of " + all.size() + " StorageClass" + (all.size() == 1 ? "" : "es") + " is the default";
            String hint =
                    "mark one: kubectl annotate storageclass NAME storageclass.kubernetes.io/is-default-class=true";
            return storage > 0
                    ? CheckResult.of(
                            this,
                            CheckStatus.FAIL,
                            detail + "; the platform's PVCs (" + storage + " GB) name no class and stay Pending",
                            hint)
                    : CheckResult.of(this, CheckStatus.WARN, detail, hint);
        }
        if (defaults.size() > 1) {
            return CheckResult.of(
                    this,
                    CheckStatus.WARN,
                    defaults.size() + " defaults: " + String.join(", ", defaults)
                            + "; PVCs without a class get the newest",
                    "keep the annotation on one StorageClass only");
        }
        return CheckResult.pass(this, defaults.get(0));
    }

    private static boolean isDefault(StorageClass s) {
        Map<String, String> a = s.getMetadata().getAnnotations();
        return a != null && DEFAULT_ANNOTATIONS.stream().anyMatch(k -> "true".equals(a.get(k)));
    }
}
