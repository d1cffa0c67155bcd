package dev.kfboot.yaml;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentMemoTest {

    private static final String A = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n";
    private static final String B = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\nspec:\n  list: [1, 2]\n";
    private static final String C = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: c\n";

    private static byte[] stream(String... docs) {
        return String.join("---\n", docs).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sameDocumentsAsOneParseInTheSameOrder() {
        DocumentMemo memo = new DocumentMemo();
        byte[] s = stream(A, B, C);
        assertThat(memo.parse(s)).isEqualTo(RenderedYaml.parse(new String(s, StandardCharsets.UTF_8)));
        assertThat(memo.counts()).containsExactly(0, 3);
    }

    @Test
    void onlyDocumentsNotSeenBeforeAreParsedAgain() {
        DocumentMemo memo = new DocumentMemo();
        List<Map<String, Object>> first = memo.parse(stream(A, B, C));
        String changed = B.replace("name: b", "name: b2");
        List<Map<String, Object>> second = memo.parse(stream(A, changed, C));
        assertThat(memo.counts()).containsExactly(2, 4);
        assertThat(second.get(0)).isSameAs(first.get(0));
        assertThat(second.get(2)).isSameAs(first.get(2));
        assertThat(second.get(1)).isNotSameAs(first.get(1));
        assertThat(((Map<?, ?>) second.get(1).get("metadata")).get("name")).isEqualTo("b2");
    }

    @Test
    void whatItReturnsCannotBeChangedByOneRunForTheNext() {
        List<Map<String, Object>> docs = new DocumentMemo().parse(stream(A, B));
        assertThatThrownBy(() -> docs.get(0).put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        Map<?, ?> spec = (Map<?, ?>) docs.get(1).get("spec");
        assertThatThrownBy(() -> ((List<?>) spec.get("list")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aDocumentMeasuresItsSizeOnceForEveryRunThatReusesIt() {
        DocumentMemo memo = new DocumentMemo();
        MemoDocument doc = (MemoDocument) memo.parse(stream(A)).get(0);
        java.util.concurrent.atomic.AtomicInteger measured = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(doc.jsonSize(d -> 40 + measured.incrementAndGet())).isEqualTo(41);
        MemoDocument again = (MemoDocument) memo.parse(stream(A)).get(0);
        assertThat(again).isSameAs(doc);
        assertThat(again.jsonSize(d -> 40 + measured.incrementAndGet())).isEqualTo(41);
        assertThat(measured).hasValue(1);
        assertThat(doc).isEqualTo(RenderedYaml.parse(A).get(0)); // a map like any other
    }

    @Test
    void theLeastRecentlyUsedGoWhenTheBoundIsReached() {
        DocumentMemo memo = new DocumentMemo(A.length() + B.length() + 8);
        memo.parse(stream(A));
        memo.parse(stream(B));
        memo.parse(stream(C)); // A, the least recently used, makes room
        memo.parse(stream(B));
        memo.parse(stream(A));
        assertThat(memo.counts()).containsExactly(1, 4);
    }

    @Test
    void aDocumentThatDoesNotParseFailsAsOneParseWould() {
        DocumentMemo memo = new DocumentMemo();
        byte[] bad = stream(A, "kind: [unclosed\n", "- a list\n");
        assertThatThrownBy(() -> memo.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memo.parse(stream(A, "- a list\n"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a mapping");
    }

    @Test
    void streamsWithDirectivesParseWhole() {
        DocumentMemo memo = new DocumentMemo();
        byte[] s = ("%YAML 1.2\n---\n" + A).getBytes(StandardCharsets.UTF_8);
        assertThat(memo.parse(s)).hasSize(1);
        assertThat(memo.counts()).containsExactly(0, 0);
    }
}
