package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.UpstreamData;
import dev.kfboot.validate.Sarif;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule has a stable unique slug, a docs page (in the repository and in the jar) and a test class with scenarios.
 */
class RulesTest {

    /**
     * Finding ids that plan, generate and the analysis emit outside validate's rules: each has a page too, with a
     * failing and a fixed example (issue 16).
     */
    static final Set<String> OTHER_FINDINGS = Set.of(
            "no-facts",
            "unknown-kind",
            "path-not-in-checkout",
            "fork-names-upstream",
            "project-unknown-kind",
            "provider-failed",
            "renamed-component",
            "derived-catalog",
            "release",
            "upgrade-option");

    /**
     * Where code creates a finding with a literal id: {@code Finding.error("x"}, {@code Notes.info("x"},
     * {@code RULE = "x"}, and a rule's slug in {@code new RuleInfo("x"} (the formatter may break the line after the
     * paren).
     */
    private static final Pattern FINDING_ID =
            Pattern.compile("(?:Finding\\.(?:error|warning|info)|Notes\\.(?:info|warning)|new Finding|new "
                    + "RuleInfo)\\(\\s*\"([a-z][a-z-]*)\"|\\bRULE(?:_[A-Z_]+)? = "
                    + "\"([a-z][a-z-]*)\"|\\bUNVERIFIED = \"([a-z-]+)\"");

    @Test
    void everyRuleIsDocumentedAndTested() throws Exception {
        Set<String> slugs = new HashSet<>();
        Path docs = UpstreamData.repoRoot().resolve("docs/rules");
        for (Rule r : Rules.all()) {
            assertThat(slugs.add(r.slug())).as("unique slug %s", r.slug()).isTrue();
            assertThat(r.slug()).matches("[a-z]+(-[a-z]+)*");
            assertThat(r.title()).isNotBlank();
            assertThat(r.docsPage()).isEqualTo("docs/rules/" + r.slug() + ".md");
            Path page = docs.resolve(r.slug() + ".md");
            assertThat(page).as("docs page of %s", r.slug()).exists();
            assertThat(Files.readString(page))
                    .startsWith("# " + r.slug() + "\n\n**Severity:** "
                            + r.severity().label());
            assertThat(Sarif.docsPage(r)).as("page shipped in the jar").isEqualTo(Files.readString(page));
            assertExamples(r.slug(), Files.readString(page));
            Class<?> test = Class.forName(r.getClass().getName() + "Test");
            long scenarios = Arrays.stream(test.getDeclaredMethods())
                    .filter(RulesTest::isTest)
                    .count();
            assertThat(scenarios)
                    .as("failing and passing scenarios of %s", r.slug())
                    .isGreaterThanOrEqualTo(2);
        }
        for (String id : OTHER_FINDINGS) {
            String page = Files.readString(docs.resolve(id + ".md"));
            assertThat(page).as("page of %s", id).startsWith("# " + id + "\n\n**Severity:** ");
            assertExamples(id, page);
            slugs.add(id);
        }
        try (var pages = Files.list(docs)) {
            assertThat(pages.map(p -> p.getFileName().toString().replace(".md", "")))
                    .containsExactlyInAnyOrderElementsOf(slugs);
        }
    }

    /**
     * Every finding id the code creates, in any module, has a page (issue 16: "every finding id has a docs/rules
     * page").
     */
    @Test
    void everyFindingIdInTheCodeHasAPage() throws Exception {
        Path root = UpstreamData.repoRoot();
        Set<String> ids = new TreeSet<>();
        for (String module : List.of("core", "cluster", "cli")) {
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) continue;
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = FINDING_ID.matcher(Files.readString(f));
                    while (m.find()) {
                        for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) ids.add(m.group(g));
                    }
                }
            }
        }
        assertThat(ids)
                .as("finding ids found in the code")
                .contains("render-failed", "provider-failed", "unverified", "no-facts");
        assertThat(ids)
                .as("every rule's slug is found by the scan")
                .containsAll(Rules.all().stream().map(Rule::slug).toList());
        for (String id : ids)
            assertThat(root.resolve("docs/rules/" + id + ".md"))
                    .as("docs page of finding id %s", id)
                    .exists();
    }

    /** A page shows a failing example and the fix, each with a YAML block. */
    private static void assertExamples(String id, String page) {
        int failing = page.indexOf("\n## Failing example\n");
        int fix = page.indexOf("\n## Fix\n");
        assertThat(failing).as("%s has a '## Failing example' section", id).isPositive();
        assertThat(fix)
                .as("%s has a '## Fix' section after its failing example", id)
                .isGreaterThan(failing);
        assertThat(page.substring(failing, fix))
                .as("%s's failing example is YAML", id)
                .contains("```yaml\n");
        assertThat(page.substring(fix)).as("%s's fix shows YAML", id).contains("```yaml\n");
    }

    private static boolean isTest(Method m) {
        return m.isAnnotationPresent(Test.class);
    }
}
