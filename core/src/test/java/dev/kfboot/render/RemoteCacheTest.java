package dev.kfboot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteCacheTest {

    private static final String ARGO = "github.com/argoproj/argo-workflows/v3.7.3/manifests";
    private static final String JOBSET = "github.com/kubernetes-sigs/jobset/releases/download/v0.10.1/manifests.yaml";

    @TempDir
    Path cache;

    @BeforeEach
    void fillCache() throws IOException {
        Files.createDirectories(cache.resolve(ARGO).resolve("base/crds"));
        Files.createDirectories(cache.resolve(JOBSET).getParent());
        Files.writeString(cache.resolve(JOBSET), "apiVersion: v1\nkind: Namespace\nmetadata: {name: jobset-system}\n");
    }

    private RemoteCache load(String index) throws IOException {
        Files.writeString(cache.resolve("INDEX.tsv"), index);
        return RemoteCache.load(cache);
    }

    private RemoteCache standard() throws IOException {
        return load("""
                # remote URL prefix\tref\tlocal
                https://github.com/argoproj/argo-workflows/manifests\tv3.7.3\t%s

                https://github.com/kubernetes-sigs/jobset/releases/download/v0.10.1/manifests.yaml\t-\t%s
                """.formatted(ARGO, JOBSET));
    }

    @Test
    void gitUrlWithRefAndDoubleSlashResolvesToTheCachedDirectory() throws IOException {
        String url = "https://github.com/argoproj/argo-workflows//manifests/base/crds?ref=v3.7.3";

        RemoteCache.Resolved r = standard().resolve(url).orElseThrow();

        assertThat(r.url()).isEqualTo(url);
        assertThat(r.local())
                .isEqualTo(cache.toAbsolutePath().normalize().resolve(ARGO).resolve("base/crds"));
        assertThat(r.isFile()).isFalse();
    }

    @Test
    void dotGitSuffixIsTheSameRepository() throws IOException {
        RemoteCache.Resolved r = standard()
                .resolve("https://github.com/argoproj/argo-workflows.git//manifests/base?ref=v3.7.3")
                .orElseThrow();

        assertThat(r.local())
                .isEqualTo(cache.toAbsolutePath().normalize().resolve(ARGO).resolve("base"));
    }

    @Test
    void releaseFileUrlResolvesToAFile() throws IOException {
        RemoteCache.Resolved r = standard()
                .resolve("https://github.com/kubernetes-sigs/jobset/releases/download/v0.10.1/manifests.yaml")
                .orElseThrow();

        assertThat(r.isFile()).isTrue();
        assertThat(r.local()).isEqualTo(cache.toAbsolutePath().normalize().resolve(JOBSET));
    }

    @Test
    void otherRefIsNotResolved() throws IOException {
        RemoteCache c = standard();

        assertThat(c.resolve("https://github.com/argoproj/argo-workflows//manifests/base?ref=v3.6.0"))
                .isEmpty();
        assertThat(c.resolve("https://github.com/argoproj/argo-workflows//manifests/base"))
                .isEmpty();
    }

    @Test
    void pathMissingFromTheCacheIsNotResolved() throws IOException {
        assertThat(standard()
                        .resolve("https://github.com/argoproj/argo-workflows//manifests/cluster-install?ref=v3.7.3"))
                .isEmpty();
    }

    @Test
    void urlClimbingOutOfTheCacheIsNotResolved() throws IOException {
        assertThat(standard()
                        .resolve("https://github.com/argoproj/argo-workflows//manifests/../../../../../../"
                                + "etc?ref=v3.7.3"))
                .isEmpty();
    }

    @Test
    void unrelatedRepositoryIsNotResolved() throws IOException {
        assertThat(standard().resolve("https://github.com/argoproj/argo-workflows-extra/manifests?ref=v3.7.3"))
                .isEmpty();
    }

    @Test
    void longestMatchingPrefixWins() throws IOException {
        Files.createDirectories(cache.resolve("whole/manifests/base"));
        Files.createDirectories(cache.resolve("special/base"));
        RemoteCache c = load("""
                https://example.com/o/r\tv1\twhole
                https://example.com/o/r/manifests\tv1\tspecial
                """);

        assertThat(c.resolve("https://example.com/o/r/manifests/base?ref=v1")
                        .orElseThrow()
                        .local())
                .isEqualTo(cache.toAbsolutePath().normalize().resolve("special/base"));
    }

    @Test
    void missingIndexIsAnInputError() {
        InputException e = catchThrowableOfType(InputException.class, () -> RemoteCache.load(cache));

        assertThat(e.getMessage()).isEqualTo("remote cache has no INDEX.tsv");
        assertThat(e.location().file()).endsWith("INDEX.tsv");
    }

    @Test
    void missingDirectoryIsAnInputError() {
        InputException e = catchThrowableOfType(InputException.class, () -> RemoteCache.load(cache.resolve("nope")));

        assertThat(e.getMessage()).isEqualTo("remote cache directory not found");
    }

    @Test
    void indexEntryLeavingTheCacheIsRefusedWithItsLine() {
        InputException e = catchThrowableOfType(InputException.class, () -> load("""
                # header
                https://example.com/o/r\tv1\tok
                https://example.com/o/s\tv1\t../../etc
                """));

        assertThat(e.getMessage()).isEqualTo("local path '../../etc' leaves the cache directory");
        assertThat(e.location().line()).isEqualTo(3);
    }

    @Test
    void absoluteIndexEntryIsRefused() {
        InputException e =
                catchThrowableOfType(InputException.class, () -> load("https://example.com/o/r\tv1\t/etc\n"));

        assertThat(e.getMessage()).contains("leaves the cache directory");
        assertThat(e.location().line()).isEqualTo(1);
    }

    @Test
    void indexLineWithoutThreeTabSeparatedFieldsIsRefused() {
        InputException e =
                catchThrowableOfType(InputException.class, () -> load("https://example.com/o/r v1 somewhere\n"));

        assertThat(e.getMessage()).startsWith("expected 3 tab-separated fields").endsWith("found 1");
        assertThat(e.hint()).contains("tabs");
    }

    @Test
    void recognisesRemoteReferences() {
        assertThat(RemoteCache.isRemote("https://github.com/o/r//base?ref=v1")).isTrue();
        assertThat(RemoteCache.isRemote("github.com/o/r/base?ref=v1")).isTrue();
        assertThat(RemoteCache.isRemote("git@github.com:o/r.git")).isTrue();
        assertThat(RemoteCache.isRemote("../base")).isFalse();
        assertThat(RemoteCache.isRemote("deployment.yaml")).isFalse();
    }
}
