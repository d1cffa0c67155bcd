package dev.kfboot.validate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Json;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.rules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code validate -o sarif}: SARIF 2.1.0 as code-scanning services read it. Every rule is a
 * {@code tool.driver.rules} entry (id = slug, default level, its docs page as help and helpUri); every finding
 * a result with the rule's index, its level, a message that carries the app, resource and hint, a location
 * relative to the repository root ({@code %SRCROOT%}) with its start line, and a stable fingerprint.
 */
public final class Sarif {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private Sarif() {}

    /**
     * @param docsBase absolute URL the rule pages live under, ending with {@code /} (their path is
     *     {@code docs/rules/<slug>.md})
     */
    public static ObjectNode toSarif(List<Finding> findings, List<Rule> rules, String version, String docsBase) {
        return toSarif(findings, List.of(), rules, version, docsBase);
    }

    /**
     * With the suppressed findings as results that carry a SARIF suppression (kind {@code external} for the command
     * line and {@code .kfboot.yaml}, {@code inSource} for annotations, the reason as justification), so code
     * scanning shows them as dismissed.
     */
    public static ObjectNode toSarif(
            List<Finding> findings,
            List<Suppressions.Suppressed> suppressed,
            List<Rule> rules,
            String version,
            String docsBase) {
        ObjectNode root = Json.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "kfboot");
        driver.put("semanticVersion", version);
        driver.put("informationUri", docsBase + "README.md");
        ArrayNode rulesNode = driver.putArray("rules");
        for (Rule r : rules) {
            ObjectNode rn = rulesNode.addObject();
            rn.put("id", r.slug());
            rn.put("name", pascal(r.slug()));
            rn.putObject("shortDescription").put("text", r.title());
            rn.putObject("fullDescription").put("text", r.title());
            rn.put("helpUri", docsBase + r.docsPage());
            String page = docsPage(r);
            ObjectNode help = rn.putObject("help");
            help.put("text", page == null ? r.title() : page);
            if (page != null) help.put("markdown", page);
            rn.putObject("defaultConfiguration").put("level", level(r.severity()));
        }
        ArrayNode results = run.putArray("results");
        Map<Finding, String> reasons = new HashMap<>();
        List<Finding> all = new ArrayList<>(findings);
        for (Suppressions.Suppressed x : suppressed) {
            reasons.put(x.finding(), x.reason());
            all.add(x.finding());
        }
        for (Finding f : all.stream().sorted().toList()) {
            ObjectNode res = results.addObject();
            String reason = reasons.get(f);
            if (reason != null) {
                ObjectNode sup = res.putArray("suppressions").addObject();
                sup.put("kind", reason.startsWith(Suppressions.IGNORE) ? "inSource" : "external");
                sup.put("status", "accepted");
                sup.put("justification", reason);
            }
            res.put("ruleId", f.rule());
            int index = indexOf(rules, f.rule());
            if (index >= 0) res.put("ruleIndex", index);
            res.put("level", level(f.severity()));
            res.putObject("message").put("text", message(f));
            if (f.location().known()) {
                ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
                ObjectNode artifact = phys.putObject("artifactLocation");
                artifact.put("uri", f.location().file());
                artifact.put("uriBaseId", "%SRCROOT%");
                phys.putObject("region")
                        .put("startLine", Math.max(1, f.location().line()));
            }
            res.putObject("partialFingerprints")
                    .put(
                            "kfbootFinding/v1",
                            sha256(f.rule() + "|" + f.app() + "|" + f.resource() + "|"
                                    + f.location().file()));
        }
        return root;
    }

    public static String write(List<Finding> findings, List<Rule> rules, String version, String docsBase) {
        return Json.pretty(toSarif(findings, rules, version, docsBase));
    }

    public static String write(
            List<Finding> findings,
            List<Suppressions.Suppressed> suppressed,
            List<Rule> rules,
            String version,
            String docsBase) {
        return Json.pretty(toSarif(findings, suppressed, rules, version, docsBase));
    }

    /** The rule's documentation page as shipped in the jar, or null. */
    public static String docsPage(Rule r) {
        try (InputStream in = Rule.class.getResourceAsStream("docs/" + r.slug() + ".md")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String message(Finding f) {
        StringBuilder sb = new StringBuilder();
        if (f.app() != null) sb.append(f.app()).append(": ");
        sb.append(f.message());
        if (f.resource() != null) sb.append(" (").append(f.resource()).append(')');
        if (f.hint() != null && !f.hint().isEmpty()) sb.append(". Hint: ").append(f.hint());
        return sb.toString();
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static int indexOf(List<Rule> rules, String slug) {
        for (int i = 0; i < rules.size(); i++) if (rules.get(i).slug().equals(slug)) return i;
        return -1;
    }

    private static String pascal(String slug) {
        StringBuilder sb = new StringBuilder();
        for (String part : slug.split("-"))
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return sb.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
