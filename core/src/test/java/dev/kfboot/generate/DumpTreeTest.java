package dev.kfboot.generate;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

class DumpTreeTest {
    @Test
    void dump() throws Exception {
        GeneratedTree t = Trees.defaultFork();
        Path out = Path.of("/tmp/gen-dump");
        for (var e : t.files().entrySet()) {
            Path f = out.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        t.findings().forEach(f -> System.out.println(f.toText()));
    }
}
