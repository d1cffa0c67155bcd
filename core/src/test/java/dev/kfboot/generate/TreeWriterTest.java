package dev.kfboot.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.model.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWriterTest {

    private static final GeneratedTree TREE = Trees.defaultFork();

    @TempDir
    Path tmp;

    @Test
    void writesTheTreeAndItsManifest() throws Exception {
        Path dir = tmp.resolve("argocd");
        TreeWriter.Result r = TreeWriter.write(dir, TREE, false);
        assertThat(r.added()).hasSize(TREE.files().size());
        assertThat(Files.readString(dir.resolve("apps/kserve.yaml"))).isEqualTo(TREE.file("apps/kserve.yaml"));
        assertThat(TreeManifest.read(dir)).get().satisfies(m -> {
            assertThat(m.files()).hasSize(TREE.files().size());
            assertThat(m.repoURL()).isEqualTo(Trees.FORK_URL);
        });
        assertThat(TreeWriter.inspect(dir).clean()).isTrue();
        assertThat(Files.list(tmp)).containsExactly(dir); // no temporary directory left behind
    }

    @Test
    void regeneratingTheSameTreeChangesNothing() {
        Path dir = tmp.resolve("argocd");
        TreeWriter.write(dir, TREE, false);
        TreeWriter.Result again = TreeWriter.write(dir, TREE, false);
        assertThat(again.added()).isEmpty();
        assertThat(again.changed()).isEmpty();
        assertThat(again.removed()).isEmpty();
        assertThat(TreeWriter.diff(dir, TREE)).isEmpty();
    }

    @Test
    void refusesToOverwriteHandEditsUnlessForced() throws Exception {
        Path dir = tmp.resolve("argocd");
        TreeWriter.write(dir, TREE, false);
        Path kserve = dir.resolve("apps/kserve.yaml");
        String edited = Files.readString(kserve).replace("selfHeal: true", "selfHeal: false");
        Files.writeString(kserve, edited);
        Files.delete(dir.resolve("apps/dex.yaml"));
        assertThat(TreeWriter.inspect(dir).edited()).containsExactly("apps/kserve.yaml");
        assertThat(TreeWriter.inspect(dir).deleted()).containsExactly("apps/dex.yaml");
        assertThatThrownBy(() -> TreeWriter.write(dir, TREE, false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("changed by hand")
                .hasMessageContaining("apps/kserve.yaml (edited)");
        assertThat(Files.readString(kserve)).isEqualTo(edited);
        assertThat(TreeWriter.diff(dir, TREE))
                .contains("--- a/apps/kserve.yaml")
                .contains("-      selfHeal: false")
                .contains("+      selfHeal: true")
                .contains("--- /dev/null\n+++ b/apps/dex.yaml");
        TreeWriter.Result forced = TreeWriter.write(dir, TREE, true);
        assertThat(forced.changed()).containsExactly("apps/kserve.yaml");
        assertThat(forced.added()).containsExactly("apps/dex.yaml");
        assertThat(Files.readString(kserve)).isEqualTo(TREE.file("apps/kserve.yaml"));
    }

    @Test
    void keepsFilesItDidNotWriteAndRemovesWhatItNoLongerWrites() throws Exception {
        Path dir = tmp.resolve("tree");
        TreeWriter.write(dir, TREE, false);
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(dir.resolve("apps/NOTES.md"), "mine\n");
        GeneratedTree smaller = Trees.fork(Trees.spec("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  components:
                    - name: spark-operator
                      enabled: false
                """));
        TreeWriter.Result r = TreeWriter.write(dir, smaller, false);
        assertThat(r.removed()).contains("apps/spark-operator.yaml", "overlays/spark-operator/kustomization.yaml");
        assertThat(r.kept()).containsExactly(".git", "apps/NOTES.md");
        assertThat(dir.resolve("apps/spark-operator.yaml")).doesNotExist();
        assertThat(Files.readString(dir.resolve(".git/HEAD"))).isEqualTo("ref: refs/heads/main\n");
        assertThat(Files.readString(dir.resolve("apps/NOTES.md"))).isEqualTo("mine\n");
    }

    @Test
    void refusesADirectoryKfbootNeverWrote() throws Exception {
        Path dir = tmp.resolve("somewhere");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("app-of-apps.yaml"), "hand written\n");
        assertThatThrownBy(() -> TreeWriter.write(dir, TREE, false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not empty and kfboot did not write it (app-of-apps.yaml)");
        assertThat(Files.list(dir)).hasSize(1);
        TreeWriter.write(dir, TREE, true);
        assertThat(dir.resolve("app-of-apps.yaml")).hasContent("hand written");
        assertThat(dir.resolve("root-app.yaml")).exists();
    }

    @Test
    void anUnwritableTargetLeavesNothingBehind() throws Exception {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> TreeWriter.write(file.resolve("tree"), TREE, false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("cannot write the tree");
        assertThatThrownBy(() -> TreeWriter.write(file, TREE, false)).isInstanceOf(InputException.class);
        assertThat(file).hasContent("x");
        assertThat(Files.list(tmp)).containsExactly(file);
    }
}
