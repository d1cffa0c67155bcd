package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kfboot.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kfboot set} on real Kubernetes YAML in a temporary git repository, pushing to a local bare one. */
class SetCommandTest {

    static final String MODELS = """
            # Seldon models; the training pipeline updates storageUri after each run.
            apiVersion: mlops.seldon.io/v1alpha1
            kind: Model
            metadata:
              name: financial-predictor-a   # variant A
              namespace: financial-inference
            spec:
              storageUri: s3://mlflow-artifacts/28/model  # from MLflow
              requirements:
                - sklearn
            ---
            # KServe twin of the same model
            apiVersion: serving.kserve.io/v1beta1
            kind: InferenceService
            metadata:
              name: financial-predictor
            spec:
              predictor:
                model:
                  modelFormat: {name: sklearn}
                  storageUri: "s3://mlflow-artifacts/28/model"
            """;

    @TempDir
    Path tmp;

    Path work;
    Path bare;

    @BeforeEach
    void repos() throws Exception {
        bare = tmp.resolve("origin.git");
        Git.init()
                .setBare(true)
                .setDirectory(bare.toFile())
                .setInitialBranch("main")
                .call()
                .close();
        work = tmp.resolve("work");
        try (Git git = Git.cloneRepository()
                .setURI(bare.toUri().toString())
                .setDirectory(work.toFile())
                .call()) {
            git.getRepository().getConfig().setString("user", null, "name", "Config Author");
            git.getRepository().getConfig().setString("user", null, "email", "config@example.org");
            git.getRepository().getConfig().save();
            Files.createDirectories(work.resolve("k8s/base"));
            Files.writeString(work.resolve("k8s/base/models.yaml"), MODELS);
            Files.writeString(work.resolve("README.md"), "unrelated\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").call();
            git.push().call();
        }
    }

    @Test
    void setsCommitsAndPushesKeepingComments() throws Exception {
        Files.writeString(work.resolve("README.md"), "local edit that must not be committed\n");
        Path file = work.resolve("k8s/base/models.yaml");

        CliRun r = CliRun.of(
                "set",
                file.toString(),
                "Model/financial-predictor-a:spec.storageUri=s3://mlflow-artifacts/29/model",
                "InferenceService/financial-predictor:spec.predictor.model.storageUri=s3://mlflow-artifacts/29/model",
                "--push");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(":8: Model/financial-predictor-a spec.storageUri: "
                        + "s3://mlflow-artifacts/28/model -> s3://mlflow-artifacts/29/model")
                .contains("pushed to origin/" + branch());
        assertThat(Files.readString(file)).isEqualTo(MODELS.replace("/28/", "/29/"));
        try (Git origin = Git.open(bare.toFile())) {
            RevCommit head = origin.log()
                    .add(origin.getRepository().resolve("refs/heads/" + branch()))
                    .setMaxCount(1)
                    .call()
                    .iterator()
                    .next();
            assertThat(head.getFullMessage())
                    .startsWith("kfboot set: k8s/base/models.yaml: Model/financial-predictor-a "
                            + "spec.storageUri=s3://mlflow-artifacts/29/model (+1 more)")
                    .contains("- InferenceService/financial-predictor spec.predictor.model.storageUri: "
                            + "s3://mlflow-artifacts/28/model -> s3://mlflow-artifacts/29/model");
            assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("config@example.org");
        }
        try (Git git = Git.open(work.toFile())) {
            assertThat(git.status().call().getModified()).containsExactly("README.md");
        }
    }

    private String branch() throws Exception {
        try (Git git = Git.open(work.toFile())) {
            return git.getRepository().getBranch();
        }
    }

    @Test
    void authorFlagOverridesConfig() throws Exception {
        CliRun r = CliRun.of(
                "set",
                work.resolve("k8s/base/models.yaml").toString(),
                "Model/financial-predictor-a:spec.storageUri=s3://x",
                "--commit",
                "--author",
                "CI Bot <ci@example.org>",
                "-o",
                "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("\"before\": \"s3://mlflow-artifacts/28/model\"")
                .contains("\"pushed\": null");
        try (Git git = Git.open(work.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertThat(head.getAuthorIdent().getName()).isEqualTo("CI Bot");
        }
    }

    @Test
    void refusesFilesOutsideTheRepositoryAndMissingFields() throws Exception {
        Path outside = tmp.resolve("outside.yaml");
        Files.writeString(outside, "kind: ConfigMap\nmetadata:\n  name: x\n");
        Path link = work.resolve("k8s/link.yaml");
        Files.createSymbolicLink(link, outside);

        CliRun viaLink = CliRun.of("set", link.toString(), "metadata.name=y");
        assertThat(viaLink.code()).isEqualTo(2);
        assertThat(viaLink.err()).contains("outside the repository");
        assertThat(Files.readString(outside)).contains("name: x");

        Path file = work.resolve("k8s/base/models.yaml");
        CliRun missing = CliRun.of("set", file.toString(), "Model/financial-predictor-a:spec.replicas=2");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err())
                .startsWith("kfboot: error: " + file
                        + ":8: field spec.replicas does not exist in Model/financial-predictor-a");
        assertThat(missing.noStackTrace()).isTrue();
        assertThat(Files.readString(file)).isEqualTo(MODELS);

        CliRun created = CliRun.of("set", file.toString(), "Model/financial-predictor-a:spec.replicas=2", "--create");
        assertThat(created.code()).isZero();
        assertThat(Files.readString(file)).contains("    - sklearn\n  replicas: '2'\n---\n");
    }

    @Test
    void dryRunPrintsTheDiffAndWritesNothing() throws Exception {
        Path file = work.resolve("k8s/base/models.yaml");
        CliRun r =
                CliRun.of("set", file.toString(), "Model/financial-predictor-a:spec.storageUri=s3://new", "--dry-run");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("-  storageUri: s3://mlflow-artifacts/28/model  # from MLflow")
                .contains("+  storageUri: s3://new  # from MLflow");
        assertThat(Files.readString(file)).isEqualTo(MODELS);
    }

    @Test
    void anIntegerStaysAnIntegerAndDryRunSpeaksJson() throws Exception {
        Path file = work.resolve("k8s/base/deploy.yaml");
        Files.writeString(file, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: iris
                spec:
                  replicas: 2
                  paused: false
                """);

        CliRun word = CliRun.of("set", file.toString(), "Deployment/iris:spec.replicas=three");
        assertThat(word.code()).isEqualTo(2);
        assertThat(word.err())
                .startsWith("kfboot: error: " + file + ":6: spec.replicas in Deployment/iris is an integer (2); "
                        + "the new value is not\n  hint: give an integer, e.g. spec.replicas=3");
        CliRun bool = CliRun.of("set", file.toString(), "Deployment/iris:spec.paused=maybe");
        assertThat(bool.code()).isEqualTo(2);
        assertThat(bool.err()).contains("is a boolean");
        assertThat(Files.readString(file)).contains("replicas: 2");

        CliRun dry = CliRun.of("set", file.toString(), "Deployment/iris:spec.replicas=3", "--dry-run", "-o", "json");
        assertThat(dry.code()).as(dry.err()).isEqualTo(1); // --dry-run: the file would change
        var json = Json.mapper().readTree(dry.out());
        assertThat(json.path("dryRun").asBoolean()).isTrue();
        assertThat(json.path("changes").get(0).path("after").asText()).isEqualTo("3");
        assertThat(Files.readString(file)).contains("replicas: 2");

        CliRun yaml = CliRun.of("set", file.toString(), "Deployment/iris:spec.replicas=3", "--dry-run", "-o", "yaml");
        assertThat(new YAMLMapper().readTree(yaml.out())).isEqualTo(json);
        OutputGoldens.assertMatch(
                "set-dry-run", work, 1, "set", file.toString(), "Deployment/iris:spec.replicas=3", "--dry-run");
    }
}
