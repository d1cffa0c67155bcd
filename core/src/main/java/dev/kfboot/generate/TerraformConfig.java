package dev.kfboot.generate;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.spec.SyncMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 */
public final class TerraformConfig {

    static final String VERSIONS = "versions.tf";
    static final String PROVIDER = "provider.tf";
    static final String ARGOCD = "argocd.tf";
    static final String APPS = "applications.tf";

    private TerraformConfig() {}

    /** The Terraform files of a generated tree, as a tree of their own (written like one). */
    public static GeneratedTree of(GeneratedTree tree) {
        TreeContext ctx = TreeContext.of(tree.platform(), tree.plan(), tree.options());
        TreeMap<String, String> files = new TreeMap<>();
        files.put(VERSIONS, header(tree, "provider requirements") + """
                terraform {
                  required_version = ">= 1.5"
                  required_providers {
                    kubernetes = {
                      source  = "hashicorp/kubernetes"
                      version = ">= 2.31"
                    }
                  }
                }
                """);
        files.put(PROVIDER, header(tree, "the cluster where Argo CD runs") + """
                variable "kubeconfig" {
                  description = "Path of the kubeconfig file"
                  type        = string
                  default     = "~/.kube/config"
                }

                variable "kube_context" {
                  description = "kubeconfig context (null: the current one)"
                  type        = string
                  default     = null
                }

                variable "wave_timeout" {
                  description = "How long to wait for one application to become Synced and Healthy"
                  type        = string
                  default     = "30m"
                }

                provider "kubernetes" {
                  config_path    = var.kubeconfig
                  config_context = var.kube_context
                }
                """);
        StringBuilder argocd = new StringBuilder(header(tree, "the Application health check and the AppProjects"));
        argocd.append("# Merged into Argo CD's own argocd-cm (force: the install owns the ConfigMap).\n");
        argocd.append("resource \"kubernetes_config_map_v1_data\" \"argocd_cm_application_health\" {\n");
        argocd.append("  metadata {\n    name      = \"argocd-cm\"\n    namespace = ").append(Hcl.quote(ctx.argoNamespace())).append("\n  }\n");
        argocd.append("  force = true\n");
        argocd.append("  data = ").append(Hcl.value(Map.of(ArgoCd.APP_HEALTH_KEY, ArgoCd.APP_HEALTH_LUA), 2)).append("\n}\n");
        List<String> projects = new ArrayList<>();
        for (Object doc : Project.documents(ctx, tree.apps(), List.of(ctx.destination()), new ArrayList<>())) {
            String name = String.valueOf(((Map<?, ?>) ((Map<?, ?>) doc).get("metadata")).get("name"));
            String resource = "project_" + identifier(name);
            projects.add("kubernetes_manifest." + resource);
            argocd.append('\n').append("resource \"kubernetes_manifest\" ").append(Hcl.quote(resource)).append(" {\n");
            argocd.append("  manifest = ").append(Hcl.value(doc, 2)).append("\n}\n");
        }
        files.put(ARGOCD, argocd.toString());
        files.put(APPS, applications(tree, ctx, projects));
        return new GeneratedTree(tree.platform(), files, tree.apps(), tree.plan(), tree.options(), tree.findings());
    }

    private static String applications(GeneratedTree tree, TreeContext ctx, List<String> projects) {
        StringBuilder sb = new StringBuilder(header(tree, "one Application per app; each wave waits for the one before"));
        Map<Integer, List<String>> byWave = new TreeMap<>();
        for (ChildApp a : tree.apps()) byWave.computeIfAbsent(a.wave(), w -> new ArrayList<>()).add("kubernetes_manifest." + resource(a));
        List<String> first = new ArrayList<>(projects);
        first.add(0, "kubernetes_config_map_v1_data.argocd_cm_application_health");
        for (ChildApp a : tree.apps()) {
            List<String> before = first;
            Integer previous = null;
            for (Integer w : byWave.keySet()) if (w < a.wave()) previous = w;
            if (previous != null) before = byWave.get(previous);
            sb.append('\n').append("# ").append(a.id()).append(": wave ").append(a.wave()).append('\n');
            sb.append("resource \"kubernetes_manifest\" ").append(Hcl.quote(resource(a))).append(" {\n");
            sb.append("  manifest = ").append(Hcl.value(a.document(ctx), 2)).append("\n\n");
            if (a.sync() == SyncMode.AUTOMATED) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("status.sync.status", "Synced");
                fields.put("status.health.status", "Healthy");
                sb.append("  wait {\n    fields = ").append(Hcl.value(fields, 4)).append("\n  }\n\n");
                sb.append("  timeouts {\n    create = var.wave_timeout\n    update = var.wave_timeout\n  }\n\n");
            } else {
                sb.append("  # manual sync: Terraform creates it and goes on; sync it yourself (kfboot sync ")
                        .append(a.name()).append(")\n\n");
            }
            sb.append("  depends_on = [\n");
            for (String d : before) sb.append("    ").append(d).append(",\n");
            sb.append("  ]\n}\n");
        }
        return sb.toString();
    }

    private static String resource(ChildApp a) {
        return "app_" + identifier(a.id());
    }

    private static String identifier(String s) {
        return s.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String header(GeneratedTree tree, String what) {
        return "# Generated by kfboot from " + tree.platform().spec().sourceName() + ": " + what + ".\n";
    }
}
