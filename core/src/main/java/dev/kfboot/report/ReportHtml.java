package dev.kfboot.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.Reason;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Json;
import dev.kfboot.plan.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;

/**
 * Builds the report as a jsoup DOM: header, the wave graph as inline SVG (one column per wave, one box per
 * component, one path per dependency with its reasons as a tooltip and in the side panel on selection),
 * per-component details, and the findings table with severity and app filters. The CSS and script are
 * inlined from the jar; nothing is fetched when the page opens.
 */
public final class ReportHtml {

    private ReportHtml() {}

    public static String render(ReportInput in) {
        Document doc = Document.createShell("");
        // SVG attribute names are case-sensitive (viewBox, refX): keep them as written
        doc.parser(Parser.htmlParser().settings(ParseSettings.preserveCase));
        doc.outputSettings().prettyPrint(true).indentAmount(1).outline(false);
        doc.title(in.title());
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("style").appendChild(new DataNode(resource("report.css")));
        Element body = doc.body();
        Plan plan = in.plan();
        Element header = body.appendElement("header");
        header.appendElement("h1").text(in.title());
        header.appendElement("p")
                .addClass("summary")
                .text(plan.waves().size() + " components, " + plan.inventory().size()
                        + " objects, " + plan.waveList().size() + " sync waves, "
                        + plan.graph().edges().size()
                        + " dependencies (" + plan.source() + ")");
        Element main = body.appendElement("main");
        Element graphSection = main.appendElement("section").id("graph");
        graphSection.appendElement("h2").text("Wave graph");
        Set<Dependency> implied = implied(plan);
        int all = plan.graph().edges().size();
        Element legend = graphSection.appendElement("p").addClass("legend");
        legend.appendText("Select a component to see what it waits for and why. "
                + "Solid edges come from the manifests, dashed edges are declared; boxes with a "
                + "dashed border are extra apps. "
                + "Shown: " + (all - implied.size()) + " of " + all + " dependencies, those no other path implies "
                + "(the graph's transitive reduction). ");
        Element toggle = legend.appendElement("label").addClass("all-edges");
        toggle.appendElement("input").attr("type", "checkbox").id("show-all-edges");
        toggle.appendText(" show all " + all + " dependencies");
        Element layoutRow = graphSection.appendElement("div").addClass("graph-row");
        svg(in, layoutRow.appendElement("svg"), implied);
        Element panel = layoutRow.appendElement("aside").id("selection");
        panel.appendElement("p").addClass("hint").text("Nothing selected.");
        components(in, main.appendElement("section"));
        if (in.findings() != null) findings(in, main.appendElement("section"));
        Element data =
                body.appendElement("script").attr("type", "application/json").id("kfboot-data");
        data.appendChild(new DataNode(scriptSafe(edgeData(plan).toString())));
        body.appendElement("script").appendChild(new DataNode(resource("report.js")));
        return "<!DOCTYPE html>\n" + doc.html() + "\n";
    }

    /** Fills {@code svg}, already attached to the document so attribute names keep their case. */
    private static void svg(ReportInput in, Element svg, Set<Dependency> implied) {
        Plan plan = in.plan();
        GraphLayout layout = GraphLayout.of(plan);
        svg.attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("width", String.valueOf(layout.width()))
                .attr("height", String.valueOf(layout.height()))
                .attr("viewBox", "0 0 " + layout.width() + " " + layout.height())
                .attr("role", "img")
                .attr("aria-label", "sync waves and dependencies")
                // scales down to the page's width (viewBox), never up past its own size
                .attr("style", "max-width: " + layout.width() + "px");
        Element defs = svg.appendElement("defs");
        Element marker = defs.appendElement("marker")
                .attr("id", "arrow")
                .attr("viewBox", "0 0 10 10")
                .attr("refX", "10")
                .attr("refY", "5")
                .attr("markerWidth", "7")
                .attr("markerHeight", "7")
                .attr("orient", "auto-start-reverse");
        marker.appendElement("path").attr("d", "M 0 0 L 10 5 L 0 10 z").addClass("arrowhead");
        List<Plan.Wave> waves = plan.waveList();
        for (int i = 0; i < waves.size(); i++) {
            int x = layout.columnX(i);
            svg.appendElement("rect")
                    .addClass("wave-band")
                    .attr("x", String.valueOf(x - 12))
                    .attr("y", "12")
                    .attr("width", String.valueOf(GraphLayout.BOX_WIDTH + 24))
                    .attr("height", String.valueOf(layout.height() - 24));
            svg.appendElement("text")
                    .addClass("wave-label")
                    .attr("x", String.valueOf(x + GraphLayout.BOX_WIDTH / 2))
                    .attr("y", "34")
                    .attr("text-anchor", "middle")
                    .text("wave " + waves.get(i).number());
        }
        Element edges = svg.appendElement("g").addClass("edges");
        for (Dependency d : plan.graph().edges()) {
            Element path = edges.appendElement("path")
                    .addClass("edge")
                    .addClass(d.declaredOnly() ? "declared" : "derived")
                    .addClass(implied.contains(d) ? "implied" : "direct")
                    .attr("d", layout.route(d.dependsOn(), d.component()).path())
                    .attr("marker-end", "url(#arrow)")
                    .attr("data-from", d.dependsOn())
                    .attr("data-to", d.component());
            StringBuilder tip = new StringBuilder(d.component() + " waits for " + d.dependsOn());
            for (Reason r : d.reasons()) tip.append("\n- ").append(r);
            path.appendElement("title").text(tip.toString());
        }
        Element nodes = svg.appendElement("g").addClass("nodes");
        for (GraphLayout.Box b : layout.boxes()) {
            Element g = nodes.appendElement("g")
                    .addClass("node")
                    .attr("data-app", b.id())
                    .attr("tabindex", "0")
                    .attr("transform", "translate(" + b.x() + "," + b.y() + ")");
            if (in.extraApps().contains(b.id())) g.addClass("extra");
            ReportInput.LiveState live = in.live() == null ? null : in.live().get(b.id());
            if (live != null) {
                g.addClass("health-" + cssWord(live.health())).addClass("sync-" + cssWord(live.sync()));
            }
            g.appendElement("rect")
                    .attr("width", String.valueOf(GraphLayout.BOX_WIDTH))
                    .attr("height", String.valueOf(GraphLayout.BOX_HEIGHT))
                    .attr("rx", "6");
            String count = String.valueOf(plan.inventory().of(b.id()).size());
            Element name = g.appendElement("text")
                    .addClass("name")
                    .attr("x", "10")
                    .attr("y", "21")
                    .text(b.id());
            // a long name is squeezed into its box rather than running over the count and out of the box
            int room = GraphLayout.BOX_WIDTH - 10 - 8 - 8 - (int) Math.ceil(count.length() * GraphLayout.COUNT_CHAR);
            if (b.id().length() * GraphLayout.NAME_CHAR > room) {
                name.attr("textLength", String.valueOf(room)).attr("lengthAdjust", "spacingAndGlyphs");
            }
            g.appendElement("text")
                    .addClass("count")
                    .attr("x", String.valueOf(GraphLayout.BOX_WIDTH - 8))
                    .attr("y", "21")
                    .attr("text-anchor", "end")
                    .text(count);
            StringBuilder tip = new StringBuilder(b.id() + " (wave " + b.wave() + ")");
            if (live != null) tip.append("\n").append(live.sync()).append(" / ").append(live.health());
            g.appendElement("title").text(tip.toString());
        }
    }

    private static void components(ReportInput in, Element section) {
        Plan plan = in.plan();
        Inventory inv = plan.inventory();
        section.id("components");
        section.appendElement("h2").text("Components");
        for (Plan.Wave w : plan.waveList()) {
            for (String c : w.components()) {
                Element det = section.appendElement("details")
                        .addClass("component")
                        .id("component-" + c)
                        .attr("data-app", c);
                Element sum = det.appendElement("summary");
                sum.appendElement("strong").text(c);
                sum.appendText(" wave " + w.number() + ", " + inv.of(c).size() + " objects");
                ReportInput.LiveState live =
                        in.live() == null ? null : in.live().get(c);
                if (live != null) sum.appendElement("span").addClass("live").text(live.sync() + " / " + live.health());
                Element dl = det.appendElement("dl");
                item(dl, "Namespaces", String.join(", ", inv.namespacesOf(c)));
                Map<String, Integer> kinds = inv.kindCounts(c);
                Element kindList =
                        item(dl, "Objects by kind", null).appendElement("ul").addClass("kinds");
                kinds.forEach((k, n) -> kindList.appendElement("li").text(n + " " + k));
                TreeSet<String> crds = new TreeSet<>();
                for (Inventory.Entry e : inv.of(c))
                    if (e.object().isCrd())
                        crds.add(e.object().crd().definedKind().toString());
                item(dl, "CRDs provided", crds.isEmpty() ? "none" : String.join(", ", crds));
                ReportInput.AppSettings s = in.settings().get(c);
                if (s != null) {
                    item(dl, "Sync options", s.syncOptions().isEmpty() ? "none" : String.join(", ", s.syncOptions()));
                    Element ign =
                            item(dl, "ignoreDifferences", s.ignoreDifferences().isEmpty() ? "none" : null);
                    if (!s.ignoreDifferences().isEmpty()) {
                        Element ul = ign.appendElement("ul");
                        for (IgnoreDifference d : s.ignoreDifferences())
                            ul.appendElement("li").text(describe(d));
                    }
                }
                if (live != null && live.message() != null && !live.message().isBlank())
                    item(dl, "Argo CD says", live.message());
            }
        }
    }

    private static void findings(ReportInput in, Element section) {
        section.id("findings");
        section.appendElement("h2").text("Findings (" + in.findings().size() + ")");
        Element filters = section.appendElement("div").addClass("filters");
        Element sev = filters.appendElement("label")
                .text("Severity ")
                .appendElement("select")
                .id("filter-severity");
        sev.appendElement("option").attr("value", "").text("all");
        for (String s : List.of("error", "warning", "info"))
            sev.appendElement("option").attr("value", s).text(s);
        Element app = filters.appendElement("label")
                .text(" App ")
                .appendElement("select")
                .id("filter-app");
        app.appendElement("option").attr("value", "").text("all");
        TreeSet<String> apps = new TreeSet<>();
        for (Finding f : in.findings()) if (f.app() != null) apps.add(f.app());
        for (String a : apps) app.appendElement("option").attr("value", a).text(a);
        if (in.findings().isEmpty()) {
            section.appendElement("p").addClass("clean").text("No findings.");
            return;
        }
        Element table = section.appendElement("table");
        Element hr = table.appendElement("thead").appendElement("tr");
        for (String h : List.of("Severity", "Rule", "App", "Where", "Message"))
            hr.appendElement("th").text(h);
        Element tbody = table.appendElement("tbody");
        // errors first, then warnings, then the rest; within each, compiler order
        for (Finding f : in.findings().stream()
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Comparator.naturalOrder()))
                .toList()) {
            Element tr = tbody.appendElement("tr")
                    .addClass("finding")
                    .addClass(f.severity().label())
                    .attr("data-severity", f.severity().label())
                    .attr("data-app", f.app() == null ? "" : f.app());
            tr.appendElement("td").addClass("severity").text(f.severity().label());
            tr.appendElement("td")
                    .appendElement("a")
                    .attr("href", in.rulesDocs() + f.rule() + ".md")
                    .text(f.rule());
            tr.appendElement("td").text(f.app() == null ? "" : f.app());
            tr.appendElement("td").text(f.location().toString() + (f.resource() == null ? "" : " " + f.resource()));
            Element msg = tr.appendElement("td");
            msg.appendElement("div").text(f.message());
            if (f.hint() != null) msg.appendElement("div").addClass("hint").text("hint: " + f.hint());
        }
    }

    /**
     * JSON that cannot end or change its script element: {@code </script>} ends it and {@code <!--} followed by
     * {@code <script} makes the parser swallow the rest of the page (an app named {@code x<!--<script>}). Every
     * {@code <}, {@code >} and {@code &} is written as a JSON escape (they only occur inside strings).
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /**
     * The dependencies another path already implies: {@code a -> c} when {@code a -> b -> ... -> c} exists. Without
     * them the graph is its transitive reduction (the plan's graph has no cycles), which orders the same waves.
     */
    static Set<Dependency> implied(Plan plan) {
        Map<String, Set<String>> next = new TreeMap<>();
        for (Dependency d : plan.graph().edges())
            next.computeIfAbsent(d.dependsOn(), k -> new TreeSet<>()).add(d.component());
        Set<Dependency> out = new LinkedHashSet<>();
        for (Dependency d : plan.graph().edges()) {
            // is d.component() reachable from d.dependsOn() without the direct edge?
            Deque<String> todo = new ArrayDeque<>();
            Set<String> seen = new HashSet<>();
            for (String n : next.getOrDefault(d.dependsOn(), Set.of())) if (!n.equals(d.component())) todo.add(n);
            boolean found = false;
            while (!todo.isEmpty() && !found) {
                String n = todo.poll();
                if (!seen.add(n)) continue;
                if (n.equals(d.component())) found = true;
                else todo.addAll(next.getOrDefault(n, Set.of()));
            }
            if (found) out.add(d);
        }
        return out;
    }

    /** Edges with reasons as JSON for the selection panel. */
    private static ObjectNode edgeData(Plan plan) {
        ObjectNode root = Json.object();
        ArrayNode edges = root.putArray("edges");
        for (Dependency d : plan.graph().edges()) {
            ObjectNode e = edges.addObject();
            e.put("from", d.dependsOn());
            e.put("to", d.component());
            ArrayNode reasons = e.putArray("reasons");
            for (Reason r : d.reasons()) reasons.add(r.toString());
        }
        ObjectNode waves = root.putObject("waves");
        new TreeMap<>(plan.waves()).forEach(waves::put);
        return root;
    }

    private static Element item(Element dl, String term, String text) {
        dl.appendElement("dt").text(term);
        Element dd = dl.appendElement("dd");
        if (text != null) dd.text(text.isEmpty() ? "none" : text);
        return dd;
    }

    private static String describe(IgnoreDifference d) {
        String what =
                d.kind() + (d.group().isEmpty() ? "" : "." + d.group()) + (d.name() == null ? "" : "/" + d.name());
        List<String> fields = new ArrayList<>(d.jsonPointers());
        fields.addAll(d.jqPathExpressions());
        return what + ": " + String.join(", ", fields);
    }

    private static String cssWord(String s) {
        return s == null ? "unknown" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String resource(String name) {
        try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("report resource missing from the jar: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
