package dev.kfboot.cli;

import org.junit.jupiter.api.Test;

class CatalogListCommandTest {

    @Test
    void jsonAndYamlMatchTheGoldens() {
        OutputGoldens.assertMatch("catalog-list-26.03", null, 0, "catalog", "list", "--release", "26.03");
        OutputGoldens.assertMatch("catalog-list-v1.11.0", null, 0, "catalog", "list", "--release", "v1.11.0");
    }
}
