package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.spec.Platform;
import dev.kfboot.spec.PlatformReader;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.testing.UpstreamFork;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @Test
    void writesACommentedSpecThatPlansLikeTheDefault(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("platform.yaml");
        CliRun r = CliRun.of("init", "--out", spec.toString());
        assertThat(r.code()).isZero();
        String text = Files.readString(spec);
        assertThat(text)
                .contains("# kfboot platform spec")
                .contains("release: \"26.03\"")
                .contains("- name: model-registry\n      enabled: false");
        Platform p = PlatformReader.read(spec, spec.toString());
        assertThat(p.release()).isEqualTo("26.03");
        CliRun fromFile = CliRun.of("plan", "-q", "-f", spec.toString(), "-o", "json");
        CliRun builtin = CliRun.of("plan", "-q", "-o", "json");
        assertThat(fromFile.out()).isEqualTo(builtin.out());
    }

    @Test
    void refusesToOverwrite(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("platform.yaml");
        Files.writeString(spec, "mine");
        CliRun r = CliRun.of("init", "--out", spec.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("file exists").contains("--force");
        assertThat(Files.readString(spec)).isEqualTo("mine");
    }

    @Test
    void olderReleaseToo() {
        CliRun r = CliRun.of("init", "--out", "-", "--release", "v1.11.0");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("release: \"v1.11.0\"");
    }

    /**
     * Issue 15: init --upstream writes the spec of the tree's release; for a tree kfboot has no catalog for (a copy of
     * 26.03.1 whose README has no version table and no git) the spec names no release, says where its components were
     * derived from, and reads back as a spec that takes the tree's release.
     */
    @Test
    void upstreamWritesTheTreesSpecAndAnUnknownTreeIsDerivedHonestly(@TempDir Path dir) throws Exception {
        Path known = UpstreamData.release("26.03.1");
        CliRun ofKnown = CliRun.of("init", "--out", "-", "--upstream", known.toString());
        assertThat(ofKnown.code()).as(ofKnown.err()).isZero();
        assertThat(ofKnown.out())
                .contains("release: \"26.03.1\"")
                .contains("url: https://github.com/kubeflow/community-distribution");
        assertThat(ofKnown.err()).contains("is release 26.03.1 (the files of its 25 components are 26.03.1's)");

        Path tree = dir.resolve("manifests");
        UpstreamFork.unseen("26.03.1", tree);
        Path spec = dir.resolve("platform.yaml");
        CliRun r = CliRun.of("init", "--out", spec.toString(), "--upstream", tree.toString());

        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(spec);
        assertThat(text)
                .doesNotContainPattern("(?m)^ *release:")
                .contains("# derived from " + tree.resolve("example/kustomization.yaml") + " (unknown (derived from "
                        + tree.resolve("example") + ")).");
        assertThat(r.err()).contains("is no release kfboot has a catalog for").contains("components derived from");
        assertThat(PlatformReader.read(spec, spec.toString()).release()).isNull();

        CliRun contradicting = CliRun.of("init", "--out", "-", "--upstream", tree.toString(), "--release", "26.03");
        assertThat(contradicting.code()).isEqualTo(2);
        assertThat(contradicting.err())
                .contains("--release 26.03 contradicts the tree's release unknown (derived from");
        assertThat(CliRun.of(
                                "init",
                                "--out",
                                "-",
                                "--upstream",
                                dir.resolve("nope").toString())
                        .err())
                .contains("upstream directory not found");
    }
}
