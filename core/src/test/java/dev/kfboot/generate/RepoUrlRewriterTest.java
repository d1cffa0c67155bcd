package dev.kfboot.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.model.InputException;
import dev.kfboot.spec.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoUrlRewriterTest {

    private static final String NEW = "https://git.example.com/platform/kubeflow.git";

    @TempDir
    Path tmp;

    private Path standalone() {
        Path dir = tmp.resolve("tree");
        TreeWriter.write(dir, Trees.standalone(Platform.defaults("26.03")), false);
        return dir;
    }

    @Test
    void rewritesOnlyTheTreesOwnSourcesAndKeepsEverythingElse() throws Exception {
        Path dir = standalone();
        Path root = dir.resolve("root-app.yaml");
        // someone's comment and a blank line in a kfboot file; both must survive
        String withComment =
                Files.readString(root).replace("  source:\n", "  # points at our GitOps repo\n\n  source:\n");
        Files.writeString(root, withComment);
        String dashboardBefore = Files.readString(dir.resolve("apps/centraldashboard.yaml"));
        RepoUrlRewriter.Result r = RepoUrlRewriter.plan(dir, NEW, "1.10");
        RepoUrlRewriter.apply(dir, r, NEW, "1.10");

        String after = Files.readString(root);
        assertThat(after)
                .isEqualTo(withComment
                        .replace("repoURL: " + Trees.TREE_URL, "repoURL: " + NEW)
                        .replace("targetRevision: main", "targetRevision: '1.10'"));
        assertThat(after).contains("  # points at our GitOps repo\n\n  source:\n");
        // overlay-backed children move, upstream-backed children keep kubeflow/manifests at the release tag
        assertThat(Files.readString(dir.resolve("apps/kserve.yaml")))
                .contains("repoURL: " + NEW)
                .contains("targetRevision: '1.10'")
                .doesNotContain(Trees.TREE_URL);
        assertThat(Files.readString(dir.resolve("apps/centraldashboard.yaml"))).isEqualTo(dashboardBefore);
        assertThat(Files.readString(dir.resolve("overlays/kserve/kustomization.yaml")))
                .contains("https://github.com/kubeflow/manifests.git//applications/kserve/kserve?ref=26.03");
        String projects = Files.readString(dir.resolve("projects.yaml"));
        assertThat(projects)
                .contains("    - " + NEW + "\n")
                .contains("    - " + Trees.FORK_URL + "\n")
                .doesNotContain(Trees.TREE_URL);
        assertThat(Files.readString(dir.resolve("README.md"))).contains("from " + NEW + " at 1.10.");
        int line = after.lines().toList().indexOf("    repoURL: " + NEW) + 1;
        assertThat(r.changes())
                .allSatisfy(c -> assertThat(c.line()).isPositive())
                .contains(new RepoUrlRewriter.Change("root-app.yaml", line, "repoURL", Trees.TREE_URL, NEW));
        // kfboot's own edit is recorded: untouched files stay clean, the hand-edited root stays marked
        TreeWriter.Status status = TreeWriter.inspect(dir);
        assertThat(status.edited()).containsExactly("root-app.yaml");
        assertThat(TreeManifest.read(dir).orElseThrow().repoURL()).isEqualTo(NEW);
    }

    @Test
    void dryRunWritesNothingAndASecondRunHasNothingToDo() throws Exception {
        Path dir = standalone();
        String before = Files.readString(dir.resolve("apps/kserve.yaml"));
        RepoUrlRewriter.Result r = RepoUrlRewriter.plan(dir, NEW, null);
        assertThat(r.diff())
                .contains("--- a/apps/kserve.yaml")
                .contains("-    repoURL: " + Trees.TREE_URL)
                .contains("+    repoURL: " + NEW);
        assertThat(dir.resolve("apps/kserve.yaml")).hasContent(before.strip());
        RepoUrlRewriter.apply(dir, r, NEW, null);
        assertThat(Files.readString(dir.resolve("apps/kserve.yaml"))).contains("targetRevision: main");
        assertThat(RepoUrlRewriter.plan(dir, NEW, null).changes()).isEmpty();
        assertThat(TreeWriter.inspect(dir).clean()).isTrue();
    }

    @Test
    void objectsKfbootDidNotWriteAreLeftAlone() throws Exception {
        Path dir = standalone();
        String mine = """
                # my own app, same repository
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: mine
                spec:
                  source:
                    repoURL: %s
                """.formatted(Trees.TREE_URL);
        Files.writeString(dir.resolve("apps/mine.yaml"), mine);
        RepoUrlRewriter.apply(dir, RepoUrlRewriter.plan(dir, NEW, null), NEW, null);
        assertThat(dir.resolve("apps/mine.yaml")).hasContent(mine.strip());
    }

    @Test
    void aDirectoryWithoutAKfbootTreeIsAnInputError() throws Exception {
        Files.writeString(tmp.resolve("app.yaml"), "kind: Application\n");
        assertThatThrownBy(() -> RepoUrlRewriter.plan(tmp, NEW, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not a tree kfboot generated");
        Path dir = standalone();
        Files.writeString(dir.resolve("apps/broken.yaml"), "a: [\n");
        assertThatThrownBy(() -> RepoUrlRewriter.plan(dir, NEW, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("invalid YAML");
        assertThat(List.of(dir.resolve("apps/kserve.yaml")))
                .allSatisfy(f -> assertThat(f).content().contains(Trees.TREE_URL));
    }
}
