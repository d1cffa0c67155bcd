package dev.kfboot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.UpstreamFork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree whose git history names no release (a fresh commit of a copy, a vendored copy with no git) is the release
 * whose components' files it holds, by the fingerprints {@code catalog scan} recorded; a component edited in the
 * tree is named as changed, and a tree that changed most of a release is no longer that release.
 */
class ReleaseByFilesTest {

    @TempDir
    Path tree;

    private final ReleaseCatalog release = new ReleaseCatalog(
            "9.9",
            DerivedCatalog.UPSTREAM_REPO,
            "v9.9",
            "0123456789abcdef0123456789abcdef01234567",
            null,
            List.of(
                    TestCatalogs.component("a", "apps/a/base", "apps/a/overlays/x"),
                    TestCatalogs.component("b", "apps/b"),
                    TestCatalogs.component("c", "apps/c")));

    private void write(String rel, String text) throws IOException {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void append(String rel, String text) throws IOException {
        Files.writeString(tree.resolve(rel), text, StandardOpenOption.APPEND);
    }

    /** The release's tree, and catalogs that know the release with the fingerprints of that tree as scanned. */
    private Catalogs releaseTree() throws IOException {
        write("apps/a/base/kustomization.yaml", "resources:\n- deployment.yaml\n");
        write("apps/a/base/deployment.yaml", "kind: Deployment\n");
        write("apps/a/overlays/x/kustomization.yaml", "resources:\n- ../../base\npatches:\n- path: ../../patch.yaml\n");
        write("apps/a/patch.yaml", "kind: Deployment\n");
        write("apps/b/kustomization.yaml", "resources:\n- service.yaml\n");
        write("apps/b/service.yaml", "kind: Service\n");
        write("apps/c/kustomization.yaml", "resources: []\n");
        write("example/kustomization.yaml", "resources:\n- ../apps/a/overlays/x\n- ../apps/b\n- ../apps/c\n");
        write("README.md", "# not a release README\n");
        ReleaseFacts facts = new ReleaseFacts(
                "9.9", release.commit(), "v5.5.0", Map.of(), new ComponentFingerprints(tree).of(release.components()));
        return Catalogs.builtin().with(release, facts, "test");
    }

    @Test
    void aCopyWithNoGitIsTheReleaseWhoseFilesItHolds() throws IOException {
        Catalogs catalogs = releaseTree();
        append("README.md", "edited: the README is no component's file\n");

        ReleaseDetection d = ReleaseDetector.detect(tree, catalogs);

        assertThat(d.release()).isEqualTo("9.9");
        assertThat(d.changed()).isEmpty();
        assertThat(d.evidence()).isEqualTo("the files of its 3 components are 9.9's");
        assertThat(d.commit()).isEqualTo(release.commit());
    }

    @Test
    void aFreshCommitOfTheFilesIsTheReleaseAtThatCommit() throws Exception {
        Catalogs catalogs = releaseTree();
        RevCommit head;
        try (Git git = Git.init().setDirectory(tree.toFile()).call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("t", "t@example.org");
            head = git.commit()
                    .setMessage("copy")
                    .setAuthor(who)
                    .setCommitter(who)
                    .call();
        }

        ReleaseDetection d = ReleaseDetector.detect(tree, catalogs);

        assertThat(d.release()).isEqualTo("9.9");
        assertThat(d.commit()).isEqualTo(head.name());
        TreeCatalog tc = catalogs.forTree(tree);
        assertThat(tc.derived()).isFalse();
        assertThat(tc.summary()).isEqualTo("release 9.9 (the files of its 3 components are 9.9's)");
    }

    @Test
    void anEditedFileNamesItsComponentAsChanged() throws IOException {
        Catalogs catalogs = releaseTree();
        append("apps/a/patch.yaml", "metadata: {name: edited}\n"); // read by a's overlay through a patch

        ReleaseDetection d = ReleaseDetector.detect(tree, catalogs);

        assertThat(d.release()).isEqualTo("9.9");
        assertThat(d.changed()).containsExactly("a");
        assertThat(d.evidence()).isEqualTo("the files of 2 of its 3 components are 9.9's; changed: a");
        assertThat(d.commit()).as("the tree is not the release's commit").isEmpty();
    }

    @Test
    void aNewFileInAComponentDirectoryChangesIt() throws IOException {
        Catalogs catalogs = releaseTree();
        write("apps/c/extra.yaml", "kind: ConfigMap\n");

        assertThat(ReleaseDetector.detect(tree, catalogs).changed()).containsExactly("c");
    }

    @Test
    void aTreeThatChangedMostOfTheReleaseIsNotIt() throws IOException {
        Catalogs catalogs = releaseTree();
        append("apps/b/service.yaml", "metadata: {name: edited}\n");
        append("apps/c/kustomization.yaml", "namespace: other\n");

        ReleaseDetection d = ReleaseDetector.detect(tree, catalogs);

        assertThat(d.known()).isFalse();
        assertThat(catalogs.forTree(tree).derived()).isTrue();
    }

    @Test
    void anExampleEntryTheReleaseDoesNotHaveMakesItAnotherRelease() throws IOException {
        Catalogs catalogs = releaseTree();
        write("apps/d/kustomization.yaml", "resources: []\n");
        append("example/kustomization.yaml", "- ../apps/d\n");

        assertThat(ReleaseDetector.detect(tree, catalogs).known()).isFalse();
    }

    @Test
    void aMissingComponentDirectoryMakesItAnotherRelease() throws IOException {
        Catalogs catalogs = releaseTree();
        Files.delete(tree.resolve("apps/c/kustomization.yaml"));
        Files.delete(tree.resolve("apps/c"));
        write("example/kustomization.yaml", "resources:\n- ../apps/a/overlays/x\n- ../apps/b\n");

        assertThat(ReleaseDetector.detect(tree, catalogs).known()).isFalse();
    }

    @Test
    void aCatalogWithoutFactsRecognisesNothingAndStopsNothing() throws IOException {
        releaseTree();
        Catalogs noFacts = Catalogs.builtin().with(release, null, "user.json");

        ReleaseDetection d = ReleaseDetector.detect(tree, noFacts);

        assertThat(d.known()).isFalse();
        assertThat(d.evidence()).isEqualTo("no git checkout, no README version table");
    }

    /** The committed fingerprints of 26.03 recognise a fresh commit of its tree, and name kserve when it is touched. */
    @Test
    void aFreshCommitOfTheReal2603TreeIs2603() throws Exception {
        Path copy = UpstreamFork.copy("26.03", tree.resolve("kf"));
        try (Git git = Git.init().setDirectory(copy.toFile()).call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("t", "t@example.org");
            git.commit().setMessage("copy").setAuthor(who).setCommitter(who).call();
        }
        Catalogs catalogs = Catalogs.builtin();

        ReleaseDetection d = ReleaseDetector.detect(copy, catalogs);
        assertThat(d.release()).isEqualTo("26.03");
        assertThat(d.changed()).isEmpty();

        Files.writeString(
                copy.resolve("applications/kserve/kserve/kustomization.yaml"),
                "# touched\n",
                StandardOpenOption.APPEND);
        ReleaseDetection touched = ReleaseDetector.detect(copy, catalogs);
        assertThat(touched.release()).isEqualTo("26.03");
        assertThat(touched.changed()).containsExactly("kserve");
    }
}
