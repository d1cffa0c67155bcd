package dev.kfboot.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.model.Json;
import dev.kfboot.spec.SyncMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same Argo CD objects as the tree, as Terraform configuration for teams that drive Argo CD from
 * Terraform (seed 003's {@code argocd_applications.tf}).
 *
 * <p>Resources are hashicorp/kubernetes {@code kubernetes_manifest}s rather than the community Argo CD
 * provider's {@code argocd_application}: the manifest is exactly the Application kfboot writes to the tree
 * (one source of truth, nothing re-mapped into a second schema that lags Argo CD's CRD), it needs only
 * Kubernetes credentials instead of an Argo CD API token, and its {@code wait} block can hold Terraform until
 * Argo CD reports the Application Synced and Healthy. Each wave's applications {@code depends_on} the
 * previous wave's, so {@code terraform apply} creates them in the plan's order and waits between waves;
 * the first wave depends on the AppProjects and on the argocd-cm health check.
 *
 * <p>The files are Terraform's JSON configuration syntax ({@code *.tf.json}), which Terraform reads natively,
 * written by Jackson: no hand-made HCL printer to keep in step with {@code terraform fmt}. Comments are the
 * {@code "//"} key Terraform ignores. Every string is a template in Terraform JSON, so "${" and "%{" in
 * the manifests are escaped ("$${", "%%{") and reach the cluster unchanged.
 */
public final class TerraformConfig {

    static final String VERSIONS = "versions.tf.json";
    static final String PROVIDER = "provider.tf.json";
    static final String ARGOCD = "argocd.tf.json";
    static final String APPS = "applications.tf.json";
    static final String HEALTH = "kubernetes_config_map_v1_data.argocd_cm_application_health";

    private TerraformConfig() {}

    /** The Terraform files of a generated tree, as a tree of their own (written like one). */
    public static GeneratedTree of(GeneratedTree tree) {
        TreeContext ctx = TreeContext.of(tree.platform(), tree.plan(), tree.options());
        TreeMap<String, String> files = new TreeMap<>();
        files.put(VERSIONS, Json.pretty(versions(tree)));
        files.put(PROVIDER, Json.pretty(provider(tree)));
        List<String> projects = new ArrayList<>();
        files.put(ARGOCD, Json.pretty(argocd(tree, ctx, projects)));
        files.put(APPS, Json.pretty(applications(tree, ctx, projects)));
        return new GeneratedTree(tree.platform(), files, tree.apps(), tree.plan(), tree.options(), tree.findings());
    }

    private static ObjectNode versions(GeneratedTree tree) {
        ObjectNode root = header(tree, "provider requirements");
        ObjectNode terraform = root.putObject("terraform");
        terraform.put("required_version", ">= 1.5");
        ObjectNode kubernetes = terraform.putObject("required_providers").putObject("kubernetes");
        kubernetes.put("source", "hashicorp/kubernetes");
        kubernetes.put("version", ">= 2.31");
        return root;
    }

    private static ObjectNode provider(GeneratedTree tree) {
        ObjectNode root = header(tree, "the cluster where Argo CD runs");
        ObjectNode variables = root.putObject("variable");
        variable(variables, "kubeconfig", "Path of the kubeconfig file", "~/.kube/config");
        variable(variables, "kube_context", "kubeconfig context (null: the current one)", null);
        variable(variables, "wave_timeout", "How long to wait for one application to become Synced and Healthy", "30m");
        ObjectNode kubernetes = root.putObject("provider").putObject("kubernetes");
        kubernetes.put("config_path", "${var.kubeconfig}");
        kubernetes.put("config_context", "${var.kube_context}");
        return root;
    }

    private static void variable(ObjectNode variables, String name, String description, String dflt) {
        ObjectNode v = variables.putObject(name);
        v.put("description", description);
        v.put("type", "string");
        if (dflt == null) v.putNull("default");
        else v.put("default", dflt);
    }

    private static ObjectNode argocd(GeneratedTree tree, TreeContext ctx, List<String> projects) {
        ObjectNode root = header(tree, "the Application health check and the AppProjects");
        ObjectNode resource = root.putObject("resource");
        ObjectNode cm = resource.putObject("kubernetes_config_map_v1_data").putObject("argocd_cm_application_health");
        cm.put("//", "Merged into Argo CD's own argocd-cm (force: the install owns the ConfigMap).");
        ObjectNode metadata = cm.putObject("metadata");
        metadata.put("name", "argocd-cm");
        metadata.set("namespace", literal(TextNode.valueOf(ctx.argoNamespace())));
        cm.put("force", true);
        cm.set("data", literal(Json.mapper().valueToTree(Map.of(ArgoCd.APP_HEALTH_KEY, ArgoCd.APP_HEALTH_LUA))));
        ObjectNode manifests = resource.putObject("kubernetes_manifest");
        for (Object doc : Project.documents(ctx, tree.apps(), List.of(ctx.destination()), new ArrayList<>())) {
            String name = String.valueOf(((Map<?, ?>) ((Map<?, ?>) doc).get("metadata")).get("name"));
            String id = "project_" + identifier(name);
            projects.add("kubernetes_manifest." + id);
            manifests.putObject(id).set("manifest", literal(Json.mapper().valueToTree(doc)));
        }
        return root;
    }

    private static ObjectNode applications(GeneratedTree tree, TreeContext ctx, List<String> projects) {
        ObjectNode root = header(tree, "one Application per app; each wave waits for the one before");
        ObjectNode manifests = root.putObject("resource").putObject("kubernetes_manifest");
        Map<Integer, List<String>> byWave = new TreeMap<>();
        for (ChildApp a : tree.apps())
            byWave.computeIfAbsent(a.wave(), w -> new ArrayList<>()).add("kubernetes_manifest." + resource(a));
        List<String> first = new ArrayList<>(projects);
        first.add(0, HEALTH);
        for (ChildApp a : tree.apps()) {
            List<String> before = first;
            Integer previous = null;
            for (Integer w : byWave.keySet()) if (w < a.wave()) previous = w;
            if (previous != null) before = byWave.get(previous);
            ObjectNode r = manifests.putObject(resource(a));
            String comment = a.id() + ": wave " + a.wave();
            r.put("//", comment); // first key; completed below for manual apps
            r.set("manifest", literal(Json.mapper().valueToTree(a.document(ctx))));
            if (a.sync() == SyncMode.AUTOMATED) {
                ObjectNode fields = r.putObject("wait").putObject("fields");
                fields.put("status.sync.status", "Synced");
                fields.put("status.health.status", "Healthy");
                ObjectNode timeouts = r.putObject("timeouts");
                timeouts.put("create", "${var.wave_timeout}");
                timeouts.put("update", "${var.wave_timeout}");
            } else {
                comment += "; manual sync: Terraform creates it and goes on; sync it yourself (kfboot sync " + a.name()
                        + ")";
            }
            ArrayNode deps = r.putArray("depends_on");
            before.forEach(deps::add);
            r.put("//", comment);
        }
        return root;
    }

    /** {@code node} with every string (and object key) escaped so Terraform reads it as a literal, not a template. */
    static JsonNode literal(JsonNode node) {
        if (node.isTextual()) return TextNode.valueOf(escape(node.asText()));
        if (node.isArray()) {
            ArrayNode out = Json.array();
            for (JsonNode e : node) out.add(literal(e));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(escape(e.getKey()), literal(e.getValue()));
            }
            return out;
        }
        return node;
    }

    static String escape(String s) {
        return s.replace("${", "$${").replace("%{", "%%{");
    }

    private static String resource(ChildApp a) {
        return "app_" + identifier(a.id());
    }

    private static String identifier(String s) {
        return s.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static ObjectNode header(GeneratedTree tree, String what) {
        ObjectNode root = Json.object();
        root.put("//", "Generated by kfboot from " + tree.platform().spec().sourceName() + ": " + what + ".");
        return root;
    }
}
