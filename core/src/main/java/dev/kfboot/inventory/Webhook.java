package dev.kfboot.inventory;

import java.util.List;

/**
 * One webhook of a Mutating- or ValidatingWebhookConfiguration: which requests it intercepts and whether
 * the API server refuses them while the webhook is down ({@code failurePolicy: Fail}, the default).
 *
 * @param service     {@code namespace/name} of the service it calls, or null for a URL webhook
 * @param hasCaBundle whether the manifest ships a caBundle (none of Kubeflow's do; it is injected)
 */
public record Webhook(
        String name,
        boolean mutating,
        String failurePolicy,
        List<Rule> rules,
        LabelSelector namespaceSelector,
        LabelSelector objectSelector,
        String service,
        boolean hasCaBundle) {

    /** One {@code rules} entry. */
    public record Rule(List<String> apiGroups, List<String> resources, List<String> operations) {
        public Rule {
            apiGroups = List.copyOf(apiGroups);
            resources = List.copyOf(resources);
            operations = List.copyOf(operations);
        }

        /** Whether a CREATE of {@code resource} (a plural, e.g. {@code pods}) in {@code group} is intercepted. */
        public boolean interceptsCreate(String group, String resource) {
            return (apiGroups.contains("*") || apiGroups.contains(group))
                    && (resources.contains("*") || resources.contains(resource) || resources.contains("*/*"))
                    && (operations.contains("*") || operations.contains("CREATE"));
        }
    }

    public Webhook {
        rules = List.copyOf(rules);
        failurePolicy = failurePolicy == null ? "Fail" : failurePolicy;
        namespaceSelector = namespaceSelector == null ? LabelSelector.EVERYTHING : namespaceSelector;
        objectSelector = objectSelector == null ? LabelSelector.EVERYTHING : objectSelector;
    }

    public boolean failsClosed() {
        return "Fail".equals(failurePolicy);
    }

    public boolean interceptsCreate(String group, String resource) {
        for (Rule r : rules) if (r.interceptsCreate(group, resource)) return true;
        return false;
    }
}
