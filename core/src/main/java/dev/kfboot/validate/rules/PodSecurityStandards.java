package dev.kfboot.validate.rules;

import dev.kfboot.model.Fields;
import dev.kfboot.validate.PodSecurityLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes Pod Security Standards (baseline and restricted, latest version) evaluated on a pod
 * template, with the API server's wording: each violation names the check and the containers or volumes
 * that fail it.
 */
final class PodSecurityStandards {

    private static final Set<String> BASELINE_CAPABILITIES = Set.of(
            "AUDIT_WRITE",
            "CHOWN",
            "DAC_OVERRIDE",
            "FOWNER",
            "FSETID",
            "KILL",
            "MKNOD",
            "NET_BIND_SERVICE",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_CHROOT");
    private static final Set<String> SAFE_SYSCTLS = Set.of(
            "kernel.shm_rmid_forced",
            "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start",
            "net.ipv4.tcp_syncookies",
            "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports",
            "net.ipv4.tcp_keepalive_time",
            "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl",
            "net.ipv4.tcp_keepalive_probes");
    private static final Set<String> SELINUX_TYPES =
            Set.of("container_t", "container_init_t", "container_kvm_t", "container_engine_t");
    private static final Set<String> RESTRICTED_VOLUMES = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");

    private PodSecurityStandards() {}

    /** A container of the pod: its kind of list and its securityContext. */
    private record Container(String name, Map<String, Object> spec) {
        Map<String, Object> sc() {
            return Fields.map(spec.get("securityContext"));
        }
    }

    /**
     * The pod template of a workload body ({@code Pod}, {@code CronJob}, or anything with spec.template); null if none.
     */
    static Map<String, Object> podTemplate(Map<String, Object> body, String kind) {
        if (kind.equals("Pod")) return body;
        Map<String, Object> spec = Fields.map(body.get("spec"));
        if (kind.equals("CronJob"))
            spec = Fields.map(Fields.map(spec.get("jobTemplate")).get("spec"));
        Object t = spec.get("template");
        return t instanceof Map ? Fields.map(t) : null;
    }

    /** Violations of {@code level} by a pod (metadata + spec), in a stable order; empty when it passes. */
    static List<String> violations(Map<String, Object> pod, PodSecurityLevel level) {
        List<String> out = new ArrayList<>();
        if (level == PodSecurityLevel.PRIVILEGED) return out;
        Map<String, Object> spec = Fields.map(pod.get("spec"));
        Map<String, Object> podSc = Fields.map(spec.get("securityContext"));
        List<Container> containers = containers(spec);
        baseline(pod, spec, podSc, containers, out);
        if (level == PodSecurityLevel.RESTRICTED) restricted(spec, podSc, containers, out);
        return out;
    }

    private static void baseline(
            Map<String, Object> pod,
            Map<String, Object> spec,
            Map<String, Object> podSc,
            List<Container> cs,
            List<String> out) {
        if (isTrue(Fields.map(podSc.get("windowsOptions")).get("hostProcess"))
                || cs.stream()
                        .anyMatch(c ->
                                isTrue(Fields.map(c.sc().get("windowsOptions")).get("hostProcess")))) {
            out.add("hostProcess (pod or containers must not set securityContext.windowsOptions.hostProcess=true)");
        }
        List<String> hostNs = new ArrayList<>();
        for (String f : List.of("hostNetwork", "hostPID", "hostIPC")) if (isTrue(spec.get(f))) hostNs.add(f + "=true");
        if (!hostNs.isEmpty()) out.add("host namespaces (" + String.join(", ", hostNs) + ")");
        add(
                out,
                "privileged",
                cs,
                c -> isTrue(c.sc().get("privileged")),
                "must not set securityContext.privileged=true");
        Map<String, List<String>> caps = new LinkedHashMap<>();
        for (Container c : cs) {
            for (Object cap : Fields.list(Fields.map(c.sc().get("capabilities")).get("add"))) {
                if (!BASELINE_CAPABILITIES.contains(String.valueOf(cap)))
                    caps.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(String.valueOf(cap));
            }
        }
        caps.forEach((c, added) -> out.add("non-default capabilities (container \"" + c + "\" must not include "
                + String.join(", ", added) + " in securityContext.capabilities.add)"));
        List<String> hostPath = new ArrayList<>();
        for (Object v : Fields.list(spec.get("volumes")))
            if (Fields.map(v).containsKey("hostPath"))
                hostPath.add("\"" + Fields.map(v).get("name") + "\"");
        if (!hostPath.isEmpty()) out.add("hostPath volumes (volumes " + String.join(", ", hostPath) + ")");
        add(
                out,
                "hostPort",
                cs,
                c -> Fields.list(c.spec().get("ports")).stream()
                        .anyMatch(p -> nonZero(Fields.map(p).get("hostPort"))),
                "must not set hostPort");
        boolean apparmor =
                "Unconfined".equals(Fields.map(podSc.get("appArmorProfile")).get("type"))
                        || cs.stream()
                                .anyMatch(c -> "Unconfined"
                                        .equals(Fields.map(c.sc().get("appArmorProfile"))
                                                .get("type")));
        for (var a :
                Fields.map(Fields.map(pod.get("metadata")).get("annotations")).entrySet()) {
            if (!a.getKey().startsWith("container.apparmor.security.beta.kubernetes.io/")) continue;
            String v = String.valueOf(a.getValue());
            if (!v.equals("runtime/default") && !v.startsWith("localhost/")) apparmor = true;
        }
        if (apparmor) out.add("forbidden AppArmor profile (must not be Unconfined)");
        boolean selinux = badSeLinux(Fields.map(podSc.get("seLinuxOptions")))
                || cs.stream().anyMatch(c -> badSeLinux(Fields.map(c.sc().get("seLinuxOptions"))));
        if (selinux) out.add("seLinuxOptions (type must be container_t and the like; user and role must not be set)");
        add(
                out,
                "procMount",
                cs,
                c -> c.sc().get("procMount") != null && !"Default".equals(c.sc().get("procMount")),
                "must not set securityContext.procMount");
        boolean unconfined = "Unconfined"
                        .equals(Fields.map(podSc.get("seccompProfile")).get("type"))
                || cs.stream()
                        .anyMatch(c -> "Unconfined"
                                .equals(Fields.map(c.sc().get("seccompProfile")).get("type")));
        if (unconfined)
            out.add("seccompProfile (pod or containers must not set "
                    + "securityContext.seccompProfile.type to \"Unconfined\")");
        List<String> sysctls = new ArrayList<>();
        for (Object s : Fields.list(podSc.get("sysctls"))) {
            String n = String.valueOf(Fields.map(s).get("name"));
            if (!SAFE_SYSCTLS.contains(n)) sysctls.add(n);
        }
        if (!sysctls.isEmpty()) out.add("forbidden sysctls (" + String.join(", ", sysctls) + ")");
    }

    private static void restricted(
            Map<String, Object> spec, Map<String, Object> podSc, List<Container> cs, List<String> out) {
        List<String> volumes = new ArrayList<>();
        for (Object v : Fields.list(spec.get("volumes"))) {
            Map<String, Object> vol = Fields.map(v);
            for (String k : vol.keySet()) {
                if (!k.equals("name") && !RESTRICTED_VOLUMES.contains(k) && !k.equals("hostPath")) {
                    volumes.add("\"" + vol.get("name") + "\" uses " + k);
                }
            }
        }
        if (!volumes.isEmpty()) out.add("restricted volume types (" + String.join(", ", volumes) + ")");
        add(
                out,
                "allowPrivilegeEscalation != false",
                cs,
                c -> !Boolean.FALSE.equals(c.sc().get("allowPrivilegeEscalation")),
                "must set securityContext.allowPrivilegeEscalation=false");
        boolean podNonRoot = isTrue(podSc.get("runAsNonRoot"));
        List<String> notNonRoot = new ArrayList<>();
        for (Container c : cs) {
            Object v = c.sc().get("runAsNonRoot");
            if (Boolean.FALSE.equals(v) || (!podNonRoot && !isTrue(v))) notNonRoot.add("\"" + c.name() + "\"");
        }
        if (Boolean.FALSE.equals(podSc.get("runAsNonRoot")) || !notNonRoot.isEmpty()) {
            out.add("runAsNonRoot != true (pod or " + containersNoun(notNonRoot)
                    + " must set securityContext.runAsNonRoot=true)");
        }
        boolean rootUser = zero(podSc.get("runAsUser")) || cs.stream().anyMatch(c -> zero(c.sc().get("runAsUser")));
        if (rootUser) out.add("runAsUser=0 (pod and containers must not set runAsUser=0)");
        boolean podSeccomp =
                allowedSeccomp(Fields.map(podSc.get("seccompProfile")).get("type"));
        List<String> noSeccomp = new ArrayList<>();
        for (Container c : cs) {
            Object t = Fields.map(c.sc().get("seccompProfile")).get("type");
            if (t == null ? !podSeccomp : !allowedSeccomp(t)) noSeccomp.add("\"" + c.name() + "\"");
        }
        if (!noSeccomp.isEmpty()) {
            out.add("seccompProfile (pod or " + containersNoun(noSeccomp)
                    + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")");
        }
        List<String> notDropped = new ArrayList<>();
        Map<String, List<String>> added = new LinkedHashMap<>();
        for (Container c : cs) {
            Map<String, Object> caps = Fields.map(c.sc().get("capabilities"));
            if (Fields.list(caps.get("drop")).stream().noneMatch(d -> "ALL".equals(String.valueOf(d))))
                notDropped.add("\"" + c.name() + "\"");
            for (Object a : Fields.list(caps.get("add"))) {
                if (!"NET_BIND_SERVICE".equals(String.valueOf(a)))
                    added.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(String.valueOf(a));
            }
        }
        if (!notDropped.isEmpty()) {
            out.add("unrestricted capabilities (" + containersNoun(notDropped)
                    + " must set securityContext.capabilities.drop=[\"ALL\"])");
        }
        added.forEach((c, a) -> out.add("unrestricted capabilities (container \"" + c + "\" must not include "
                + String.join(", ", a) + " in securityContext.capabilities.add)"));
    }

    private interface Check {
        boolean fails(Container c);
    }

    private static void add(List<String> out, String what, List<Container> cs, Check check, String must) {
        List<String> names = new ArrayList<>();
        for (Container c : cs) if (check.fails(c)) names.add("\"" + c.name() + "\"");
        if (!names.isEmpty()) out.add(what + " (" + containersNoun(names) + " " + must + ")");
    }

    private static String containersNoun(List<String> names) {
        return (names.size() == 1 ? "container " : "containers ") + String.join(", ", names);
    }

    private static List<Container> containers(Map<String, Object> spec) {
        List<Container> out = new ArrayList<>();
        for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
            for (Object c : Fields.list(spec.get(field)))
                out.add(new Container(String.valueOf(Fields.map(c).get("name")), Fields.map(c)));
        }
        return out;
    }

    private static boolean badSeLinux(Map<String, Object> o) {
        Object type = o.get("type");
        return (type != null && !String.valueOf(type).isEmpty() && !SELINUX_TYPES.contains(String.valueOf(type)))
                || o.get("user") != null
                || o.get("role") != null;
    }

    private static boolean allowedSeccomp(Object type) {
        return "RuntimeDefault".equals(type) || "Localhost".equals(type);
    }

    private static boolean isTrue(Object o) {
        return Boolean.TRUE.equals(o) || "true".equals(o);
    }

    private static boolean zero(Object o) {
        return o instanceof Number n && n.longValue() == 0;
    }

    private static boolean nonZero(Object o) {
        return o instanceof Number n && n.longValue() != 0;
    }
}
