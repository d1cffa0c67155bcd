package dev.kfboot.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh mock API server with the Argo CD stand-in for each test, reached as {@link #cli}. */
abstract class ClusterCliTest {

    @TempDir
    Path dir;

    ClusterCli cli;

    @BeforeEach
    void startCluster() {
        cli = ClusterCli.start(dir);
    }

    @AfterEach
    void stopCluster() {
        cli.close();
    }
}
