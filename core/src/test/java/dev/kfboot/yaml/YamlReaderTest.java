package dev.kfboot.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.model.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlReaderTest {

    private final YamlReader reader = YamlReader.forUserFiles();

    @TempDir
    Path dir;

    @Test
    void parsesEveryDocumentAndRemembersOneBasedKeyLines() {
        List<YNode> docs = reader.parseAll("""
                # a comment on line 1
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: first
                ---
                kind: Secret
                data:
                  - a
                  - b
                """, "two.yaml");

        assertThat(docs).hasSize(2);
        YMap first = (YMap) docs.get(0);
        assertThat(first.lineOf("apiVersion")).isEqualTo(2);
        assertThat(first.lineOf("kind")).isEqualTo(3);
        assertThat(first.lineOf("metadata")).isEqualTo(4);
        YMap metadata = (YMap) first.get("metadata").orElseThrow();
        assertThat(metadata.lineOf("name")).isEqualTo(5);
        assertThat(first.toPlain())
                .isEqualTo(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "first")));

        YMap second = (YMap) docs.get(1);
        assertThat(second.lineOf("kind")).isEqualTo(7);
        YSeq data = (YSeq) second.get("data").orElseThrow();
        assertThat(data.items()).extracting(YNode::line).containsExactly(9, 10);
    }

    @Test
    void resolvesScalarTypesWithTheYaml12CoreSchema() {
        YMap doc = (YMap) reader.parseAll("""
                s: hello
                quoted: "1.10"
                f: 1.10
                i: 42
                b: true
                yes11: yes
                n: null
                """, "types.yaml").get(0);

        assertThat(((YScalar) doc.get("s").orElseThrow()).type()).isEqualTo(YScalar.Type.STRING);
        YScalar quoted = (YScalar) doc.get("quoted").orElseThrow();
        assertThat(quoted.type()).isEqualTo(YScalar.Type.STRING);
        assertThat(quoted.plain()).isFalse();
        assertThat(((YScalar) doc.get("f").orElseThrow()).type()).isEqualTo(YScalar.Type.FLOAT);
        assertThat(((YScalar) doc.get("i").orElseThrow()).toPlain()).isEqualTo(42L);
        assertThat(((YScalar) doc.get("b").orElseThrow()).toPlain()).isEqualTo(true);
        assertThat(((YScalar) doc.get("yes11").orElseThrow()).type()).isEqualTo(YScalar.Type.STRING);
        assertThat(((YScalar) doc.get("n").orElseThrow()).type()).isEqualTo(YScalar.Type.NULL);
    }

    @Test
    void readAllReadsAFileFromDisk() throws IOException {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, "a: 1\n---\nb: 2\n");

        List<YNode> docs = reader.readAll(file, "spec.yaml");

        assertThat(docs).extracting(YNode::toPlain).containsExactly(Map.of("a", 1L), Map.of("b", 2L));
    }

    @Test
    void duplicateKeyNamesTheLineOfTheDuplicateAndTheFirst() {
        InputException e = catchThrowableOfType(InputException.class, () -> reader.parseAll("""
                apiVersion: v1
                kind: Platform
                spec:
                  release: "26.03"
                kind: Other
                """, "dup.yaml"));

        assertThat(e.location().file()).isEqualTo("dup.yaml");
        assertThat(e.location().line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("duplicate key 'kind'").contains("first at line 2");
        assertThat(e.oneLine()).startsWith("dup.yaml:5: ");
    }

    @Test
    void nestedDuplicateKeyIsFoundToo() {
        InputException e = catchThrowableOfType(InputException.class, () -> reader.parseAll("""
                spec:
                  repo:
                    url: a
                    path: x
                    url: b
                """, "nested.yaml"));

        assertThat(e.location().line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("duplicate key 'url'").contains("first at line 3");
    }

    @Test
    void tabIndentationGivesAHintAboutTabs() {
        InputException e =
                catchThrowableOfType(InputException.class, () -> reader.parseAll("spec:\n\trelease: x\n", "tabs.yaml"));

        assertThat(e.getMessage()).startsWith("invalid YAML");
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.hint()).contains("tabs");
    }

    @Test
    void binaryFileIsRefusedAtTheLineOfTheNulByte() throws IOException {
        Path file = dir.resolve("blob.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', '1', '\n', 'b', 0, 'c'});

        InputException e = catchThrowableOfType(InputException.class, () -> reader.readAll(file, "blob.yaml"));

        assertThat(e.getMessage()).contains("binary content");
        assertThat(e.location().line()).isEqualTo(2);
    }

    @Test
    void invalidUtf8IsRefusedAtTheLineOfTheBadByte() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("a: 1\nb: 2\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("c: caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // é in ISO-8859-1: not UTF-8
        bytes.writeBytes("\nd: 4\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());

        InputException e = catchThrowableOfType(InputException.class, () -> reader.readAll(file, "latin1.yaml"));

        assertThat(e.getMessage()).isEqualTo("not valid UTF-8 text");
        assertThat(e.location().line()).isEqualTo(3);
        assertThat(e.hint()).contains("UTF-8");
    }

    @Test
    void invalidUtf8AfterValidMultiByteTextIsReportedAtTheBadBytesLine() throws IOException {
        // Comments in other scripts are common; the bad byte's line must not be confused with theirs.
        Path file = dir.resolve("mixed.yaml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < 6; i++) {
            bytes.writeBytes("# 設定ファイル コメント 日本語\n".getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("name: caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());

        InputException e = catchThrowableOfType(InputException.class, () -> reader.readAll(file, "mixed.yaml"));

        assertThat(e.getMessage()).isEqualTo("not valid UTF-8 text");
        assertThat(e.location().line()).isEqualTo(7);
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws IOException {
        Path file = dir.resolve("bom.yaml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xEF);
        bytes.write(0xBB);
        bytes.write(0xBF);
        bytes.writeBytes("a: b\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());

        assertThat(reader.readAll(file, "bom.yaml")).extracting(YNode::toPlain).containsExactly(Map.of("a", "b"));
    }

    @Test
    void missingFileIsAnInputError() {
        assertThatThrownBy(() -> reader.readAll(dir.resolve("nope.yaml"), "nope.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessage("file not found");
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String prev = "a";
        for (char c = 'b'; c <= 'i'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++)
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            bomb.append("]\n");
            prev = String.valueOf(c);
        }
        // 8 levels x 9 aliases = 72 aliases to lists, more than the limit of 50

        InputException e =
                catchThrowableOfType(InputException.class, () -> reader.parseAll(bomb.toString(), "lol.yaml"));

        assertThat(e.getMessage()).startsWith("invalid YAML").containsIgnoringCase("aliases");
        assertThat(e.hint()).contains("aliases").contains("50");
    }

    @Test
    void aFewAliasesAreFine() {
        YMap doc = (YMap) reader.parseAll("""
                base: &base [x, y]
                one: *base
                two: *base
                """, "ok.yaml").get(0);

        assertThat(doc.get("two").orElseThrow().toPlain()).isEqualTo(List.of("x", "y"));
    }

    @Test
    void lineLongerThanTheLimitIsRefusedWithItsLineNumber() {
        YamlReader strict = new YamlReader(new YamlLimits(1 << 20, 1 << 20, 40, 50));
        String text = "a: short\nb: short\nc: " + "x".repeat(60) + "\nd: short\n";

        InputException e = catchThrowableOfType(InputException.class, () -> strict.parseAll(text, "long.yaml"));

        assertThat(e.location().line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("63 characters").contains("limit of 40");
        assertThat(e.hint()).contains("block scalar");
    }

    @Test
    void lineExactlyAtTheLimitIsAccepted() {
        YamlReader strict = new YamlReader(new YamlLimits(1 << 20, 1 << 20, 10, 50));

        assertThat(strict.parseAll("a: 1234567\n", "edge.yaml")).hasSize(1);
    }

    @Test
    void emptyTextHasNoDocuments() {
        assertThat(reader.parseAll("", "empty.yaml")).isEmpty();
    }

    @Test
    void commentsAndSeparatorsOnlyHaveNoDocuments() throws IOException {
        Path file = dir.resolve("comments.yaml");
        Files.writeString(file, "# nothing here\n---\n# still nothing\n---\n");

        assertThat(reader.readAll(file, "comments.yaml")).isEmpty();
    }

    @Test
    void documentLargerThanTheLimitIsRefused() {
        YamlReader small = new YamlReader(new YamlLimits(1 << 20, 200, 1000, 50));
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 40; i++) big.append("key").append(i).append(": value\n");

        InputException e = catchThrowableOfType(InputException.class, () -> small.parseAll(big.toString(), "big.yaml"));

        assertThat(e.getMessage()).isEqualTo("the YAML document is larger than 200 characters");
        assertThat(e.location().line()).isEqualTo(1);
        assertThat(e.hint()).contains("split it");
    }

    @Test
    void fileLargerThanTheByteLimitIsRefusedBeforeReading() throws IOException {
        YamlReader small = new YamlReader(new YamlLimits(16, 1000, 1000, 50));
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, "a: " + "x".repeat(40) + "\n");

        assertThatThrownBy(() -> small.readAll(file, "big.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("44 bytes")
                .hasMessageContaining("limit of 16");
    }

    @Test
    void syntaxErrorNamesItsLine() {
        InputException e = catchThrowableOfType(InputException.class, () -> reader.parseAll("""
                a: 1
                b: [unclosed
                c: 3
                """, "broken.yaml"));

        assertThat(e.getMessage()).startsWith("invalid YAML");
        assertThat(e.location().file()).isEqualTo("broken.yaml");
        assertThat(e.location().line()).isGreaterThanOrEqualTo(2);
    }
}
