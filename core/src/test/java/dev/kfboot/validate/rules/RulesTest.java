package dev.kfboot.validate.rules;

import dev.kfboot.testing.UpstreamData;
import dev.kfboot.validate.Sarif;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule has a stable unique slug, a docs page (in the repository and in the jar) and a test class with scenarios. */
class RulesTest {

    /**
     * Finding ids that plan, generate and the analysis emit outside validate's rules: each has a page too, with a
     * failing and a fixed example (issue 16).
     */
    static final Set<String> OTHER_FINDINGS = Set.of("no-facts", "unknown-kind", "path-not-in-checkout", "project-unknown-kind");

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
            assertThat(Files.readString(page)).startsWith("# " + r.slug() + "\n\n**Severity:** " + r.severity().label());
            assertThat(Sarif.docsPage(r)).as("page shipped in the jar").isEqualTo(Files.readString(page));
            Class<?> test = Class.forName(r.getClass().getName() + "Test");
            long scenarios = Arrays.stream(test.getDeclaredMethods()).filter(RulesTest::isTest).count();
            assertThat(scenarios).as("failing and passing scenarios of %s", r.slug()).isGreaterThanOrEqualTo(2);
        }
        for (String id : OTHER_FINDINGS) {
            String page = Files.readString(docs.resolve(id + ".md"));
            assertThat(page).as("page of %s", id).startsWith("# " + id + "\n\n**Severity:** ").contains("## Failing example", "## Fix");
            slugs.add(id);
        }
        try (var pages = Files.list(docs)) {
            assertThat(pages.map(p -> p.getFileName().toString().replace(".md", ""))).containsExactlyInAnyOrderElementsOf(slugs);
        }
    }

    private static boolean isTest(Method m) {
        return m.isAnnotationPresent(Test.class);
    }
}
