package dev.kfboot.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform itself reads the configuration ({@code *.tf.json}; {@code terraform fmt} does not apply to JSON):
 * {@code terraform validate} needs the hashicorp/kubernetes provider from registry.terraform.io; it runs when
 * {@code terraform init} can fetch it and is skipped with that reason when it cannot (these machines reach no
 * Terraform registry), and is skipped when no terraform binary is on the PATH.
 */
class TerraformCliIT {

    @TempDir
    Path dir;

    @Test
    void terraformParsesEveryFileWithoutTheProvider() throws Exception {
        Path terraform = terraform();
        write();
        // without init, validate still loads and parses every *.tf.json (a broken file fails with its own
        // error, e.g. "Unclosed object ... on applications.tf.json"); the only error left is the missing provider
        Result validate = run(terraform, "validate", "-no-color");
        List<String> errors =
                validate.out().lines().filter(l -> l.startsWith("Error:")).toList();
        assertThat(errors).as(validate.out()).containsExactly("Error: Missing required provider");
    }

    @Test
    void terraformValidatesItWhenTheProviderCanBeInstalled() throws Exception {
        Path terraform = terraform();
        write();
        Result init = run(terraform, "init", "-backend=false", "-input=false", "-no-color");
        assumeTrue(
                init.code() == 0,
                "terraform init could not install hashicorp/kubernetes (no registry reachable), "
                        + "so terraform validate cannot run; the structural tests in "
                        + "TerraformConfigTest cover the config");
        Result validate = run(terraform, "validate", "-no-color");
        assertThat(validate.code()).as(validate.out()).isZero();
    }

    private void write() throws Exception {
        for (Map.Entry<String, String> e :
                TerraformConfig.of(Trees.defaultFork()).files().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }

    private static Path terraform() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path t = Path.of(p, "terraform");
            if (Files.isExecutable(t)) return t;
        }
        assumeTrue(false, "terraform is not installed");
        return null;
    }

    record Result(int code, String out) {}

    private Result run(Path terraform, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(terraform.toString(), "-chdir=" + dir));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TF_IN_AUTOMATION", "1");
        pb.environment().put("CHECKPOINT_DISABLE", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        return new Result(p.exitValue(), out);
    }
}
