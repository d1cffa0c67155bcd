package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.Kustomize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret value reaches any output: a tree and a manifest hold Secrets with known values (plain in
 * stringData, base64 in data), and every command that reads them (validate as text, JSON and SARIF, the HTML
 * report, set with its output, JSON, dry-run diff and commit message) is scanned for those values in every form.
 */
class SecretLeakTest {

    static final String PLAIN = "hunter2-SENTINEL-7f3a";
    static final String ENCODED_VALUE = "correct-horse-SENTINEL-91c2";
    static final String ENCODED = Base64.getEncoder().encodeToString(ENCODED_VALUE.getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void noCommandPrintsASecretValue() throws Exception {
        Kustomize.required();
        Path repo = dir.resolve("repo");
        Path tree = ReportTrees.write(repo);
        Files.writeString(repo.resolve("apps/base/secret.yaml"), secretYaml("creds"));
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.getRepository().getConfig().setString("user", null, "name", "T");
            git.getRepository().getConfig().setString("user", null, "email", "t@example.org");
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://github.com/acme/gitops.git");
            git.getRepository().getConfig().save();
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").call();
        }
        List<String> outputs = new ArrayList<>();
        for (String format : List.of("text", "json", "sarif")) {
            CliRun r = CliRun.of("validate", tree.toString(), "--no-cache", "-o", format);
            assertThat(r.out()).contains("plaintext-secret");
            outputs.add(r.out() + r.err());
        }
        Path html = dir.resolve("report.html");
        CliRun report = CliRun.of("report", tree.toString(), "--no-cache", "--out", html.toString());
        outputs.add(report.out() + report.err() + Files.readString(html));

        Path secretFile = repo.resolve("apps/base/secret.yaml");
        for (List<String> args : List.of(
                List.of("set", secretFile.toString(), "stringData.password=" + PLAIN + "-new", "--dry-run"),
                List.of("set", secretFile.toString(), "stringData.password=" + PLAIN + "-new", "-o", "json"),
                List.of("set", secretFile.toString(), "data.token=" + ENCODED + "Zg==", "--commit"))) {
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isIn(0, 1);
            outputs.add(r.out() + r.err());
        }
        try (Git git = Git.open(repo.toFile())) {
            outputs.add(git.log().setMaxCount(1).call().iterator().next().getFullMessage());
        }

        for (String out : outputs) {
            assertThat(out).doesNotContain(PLAIN).doesNotContain(ENCODED).doesNotContain(ENCODED_VALUE);
        }
        assertThat(String.join("\n", outputs)).contains("(secret value)");
    }

    static String secretYaml(String name) {
        return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name + "\n  namespace: demo\n"
                + "stringData:\n  password: " + PLAIN + "\ndata:\n  token: " + ENCODED + "\n";
    }
}
