package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code set} on a Secret inside a {@code kind: List} and on a kustomization's secretGenerator literals prints and
 * commits no value (text, JSON, dry run, commit message), and a 0600 file stays 0600.
 */
class SetSecretRedactionTest {

    static final String OLD = "SENTINEL-old-value-31b0";
    static final String NEW = "SENTINEL-new-value-8c4d";

    @TempDir
    Path repo;

    @Test
    void secretsInAListAndSecretGeneratorLiteralsAreNeverShownAndTheFileModeIsKept() throws Exception {
        Path list = Files.writeString(repo.resolve("list.yaml"), """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: plain}
                  data: {a: visible}
                - apiVersion: v1
                  kind: Secret
                  metadata: {name: creds}
                  stringData:
                    password: %s
                """.formatted(OLD));
        Path kustomization = Files.writeString(repo.resolve("kustomization.yaml"), """
                secretGenerator:
                - name: db
                  literals:
                  - password=%s
                """.formatted(OLD));
        Files.setPosixFilePermissions(list, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(kustomization, PosixFilePermissions.fromString("rw-------"));
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.getRepository().getConfig().setString("user", null, "name", "T");
            git.getRepository().getConfig().setString("user", null, "email", "t@example.org");
            git.getRepository().getConfig().save();
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").call();
        }
        List<String> outputs = new ArrayList<>();
        for (List<String> args : List.of(
                List.of("set", list.toString(), "items[1].stringData.password=" + NEW, "--dry-run"),
                List.of("set", list.toString(), "items[kind=Secret].stringData.password=" + NEW + "-2", "-o", "json"),
                List.of("set", list.toString(), "items[1].stringData.password=" + NEW + "-3", "--commit"),
                List.of("set", kustomization.toString(), "secretGenerator[0].literals[0]=password=" + NEW, "--dry-run"),
                List.of(
                        "set",
                        kustomization.toString(),
                        "secretGenerator[0].literals[0]=password=" + NEW + "-4",
                        "--commit"))) {
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isIn(0, 1);
            outputs.add(r.out() + r.err());
        }
        try (Git git = Git.open(repo.toFile())) {
            git.log().setMaxCount(2).call().forEach(c -> outputs.add(c.getFullMessage()));
        }
        CliRun visible = CliRun.of("set", list.toString(), "items[0].data.a=shown", "--dry-run");

        for (String out : outputs) assertThat(out).doesNotContain(OLD).doesNotContain("SENTINEL-new");
        assertThat(String.join("\n", outputs)).contains("(secret value)");
        assertThat(visible.out()).contains("shown"); // a ConfigMap in the same List is shown as before
        assertThat(Files.readString(list)).contains(NEW + "-3");
        assertThat(Files.readString(kustomization)).contains("password=" + NEW + "-4");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(list)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kustomization)))
                .isEqualTo("rw-------");
    }
}
