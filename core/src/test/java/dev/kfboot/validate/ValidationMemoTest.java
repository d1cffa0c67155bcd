package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.validate.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with nothing changed prints what the last one found, without reading or rendering the tree again. */
class ValidationMemoTest {

    @TempDir
    Path repo;

    @TempDir
    Path cache;

    private TreeFixture t;
    private final FileTime old = FileTime.fromMillis(System.currentTimeMillis() / 1000 * 1000 - 60_000);

    @BeforeEach
    void tree() throws IOException {
        t = new TreeFixture(repo)
                .root()
                .app("katib", 2, "c/katib", "kubeflow")
                .component("c/katib", ValidatorTest.CM.formatted("katib"))
                .app("kserve", null, "c/kserve", "elsewhere")
                .component("c/kserve", ValidatorTest.CM.formatted("kserve"));
        age();
    }

    /** Files older than the racy window, as a tree is when nobody has just saved it. */
    private void age() throws IOException {
        try (Stream<Path> s = Files.walk(repo)) {
            for (Path p : s.toList()) Files.setLastModifiedTime(p, old);
        }
    }

    private Validation run(String build) {
        return new Validator(Catalogs.builtin(), t.renderer(), r -> {}, Rules.all())
                .validateOrRecall(
                        new ValidateRequest(t.tree(), repo, Map.of(), TreeFixture.options(), cache, null)
                                .withOptions(ValidateOptions.NONE.withRepoUrl(TreeFixture.REPO)),
                        build);
    }

    @Test
    void nothingChangedIsRecalledWithTheSameFindingsAndNothingRead() {
        Validation first = run("b1");
        assertThat(first.context()).isNotNull();
        assertThat(first.findings()).isNotEmpty();
        assertThat(t.rendered()).hasSize(2);

        Validation again = run("b1");

        assertThat(again.context()).as("recalled").isNull();
        assertThat(again.findings()).isEqualTo(first.findings());
        assertThat(List.of(again.apps(), again.parents(), again.objects(), again.rendered() + again.cached()))
                .isEqualTo(List.of(first.apps(), first.parents(), first.objects(), first.rendered() + first.cached()));
        assertThat(again.repo()).isEqualTo(first.repo());
        assertThat(t.rendered()).as("not rendered again").hasSize(2);
    }

    @Test
    void whatIsRememberedIsReadableByItsOwnerOnly() throws IOException {
        run("b1");

        List<Path> kept;
        try (Stream<Path> s = Files.list(cache.resolve(ValidationMemo.DIR))) {
            kept = s.toList();
        }
        assertThat(kept).isNotEmpty();
        for (Path f : kept) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .as(f.toString())
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aChangedFileAnotherBuildOrAnotherKustomizeValidatesAgain() throws IOException {
        run("b1");
        assertThat(run("b2").context()).as("another build").isNotNull();

        t.file("c/kserve/kustomization.yaml", "resources: []\n# edited\n");
        age();
        Validation changed = run("b1");
        assertThat(changed.context()).as("a file changed").isNotNull();
        assertThat(run("b1").context()).as("and remembered again").isNull();

        t.file("c/new.txt", "x");
        age();
        assertThat(run("b1").context()).as("a file added").isNotNull();
        Files.delete(repo.resolve("c/new.txt"));
        assertThat(run("b1").context())
                .as("the file removed: the inputs are as before")
                .isNull();
    }

    @Test
    void aFileSavedJustNowIsNotRememberedAndNoBuildRemembersNothing() throws IOException {
        // later than the snapshot minus the racy window, however slowly this machine runs the test
        Files.setLastModifiedTime(
                repo.resolve("tree/apps/katib.yaml"), FileTime.fromMillis(System.currentTimeMillis() + 30_000));
        run("b1");
        assertThat(run("b1").context()).as("a write in the racy window").isNotNull();

        age();
        run(null);
        assertThat(run(null).context()).as("without a build, always validated").isNotNull();
    }

    @Test
    void aSymbolicLinkInTheRepositoryMeansNothingIsRemembered() throws IOException {
        Files.createSymbolicLink(repo.resolve("link"), repo.resolve("c"));
        run("b1");
        assertThat(run("b1").context()).isNotNull();
    }
}
