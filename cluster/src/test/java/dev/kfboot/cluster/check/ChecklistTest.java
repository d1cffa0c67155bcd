package dev.kfboot.cluster.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.cluster.ClusterException;
import dev.kfboot.model.Json;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one check model of preflight and verify: rows in order, RBAC refusals, counting, verdicts, JSON. */
class ChecklistTest {

    /** A check over a list of numbers: its verdict is whatever {@code run} makes of them. */
    record NumberCheck(String id, Function<List<Integer>, CheckResult> body) implements Check<List<Integer>> {

        @Override
        public String title() {
            return "the " + id + " check";
        }

        @Override
        public CheckResult run(List<Integer> context) {
            return body.apply(context);
        }
    }

    static NumberCheck check(String id, CheckStatus status) {
        NumberCheck[] self = new NumberCheck[1];
        self[0] = new NumberCheck(id, ns -> CheckResult.of(self[0], status, ns.size() + " numbers", null));
        return self[0];
    }

    static NumberCheck throwing(String id, ClusterException.Kind kind) {
        return new NumberCheck(id, ns -> {
            throw new ClusterException(kind, "listing nodes: forbidden", "ask for get/list on nodes");
        });
    }

    @Test
    void runsEveryCheckInItsOrderOverOneContext() {
        CheckReport report = Checklist.of(List.of(check("b", CheckStatus.PASS), check("a", CheckStatus.INFO)))
                .run(List.of(1, 2, 3));

        assertThat(report.checks())
                .extracting(r -> r.id() + " " + r.status().label() + " " + r.detail())
                .containsExactly("b pass 3 numbers", "a info 3 numbers");
        assertThat(report.checks().get(0).title()).isEqualTo("the b check");
    }

    @Test
    void aForbiddenCheckIsAWarningRowOnlyWhereTheChecklistSaysSo() {
        List<Check<List<Integer>>> checks =
                List.of(throwing("nodes", ClusterException.Kind.FORBIDDEN), check("after", CheckStatus.PASS));

        CheckReport report = Checklist.of(checks).forbiddenAsWarning().run(List.of());

        assertThat(report.checks().get(0))
                .isEqualTo(new CheckResult(
                        "nodes",
                        "the nodes check",
                        CheckStatus.WARN,
                        "not checked: listing nodes: forbidden",
                        List.of(),
                        "ask for get/list on nodes"));
        assertThat(report.checks().get(1).status()).isEqualTo(CheckStatus.PASS);
        assertThatThrownBy(() -> Checklist.of(checks).run(List.of())).isInstanceOf(ClusterException.class);
    }

    @Test
    void otherClusterFailuresStopEvenAForgivingChecklist() {
        Checklist<List<Integer>> list = Checklist.<List<Integer>>of(
                        List.of(throwing("nodes", ClusterException.Kind.UNREACHABLE)))
                .forbiddenAsWarning();

        assertThatThrownBy(() -> list.run(List.of()))
                .isInstanceOf(ClusterException.class)
                .hasMessage("listing nodes: forbidden");
    }

    @Test
    void aCountedCheckPassesWithoutProblemsAndListsThemSorted() {
        NumberCheck pods = check("pods", CheckStatus.PASS);

        assertThat(CheckResult.counted(pods, 0, List.of(), "pods").detail()).isEqualTo("no pods to check");
        CheckResult ok = CheckResult.counted(pods, 3, List.of(), "pods");
        assertThat(ok.status()).isEqualTo(CheckStatus.PASS);
        assertThat(ok.detail()).isEqualTo("3 of 3 pods ok");
        CheckResult bad = CheckResult.counted(pods, 3, List.of("pod/b: Pending", "pod/a: CrashLoopBackOff"), "pods");
        assertThat(bad.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(bad.detail()).isEqualTo("1 of 3 pods ok");
        assertThat(bad.problems()).containsExactly("pod/a: CrashLoopBackOff", "pod/b: Pending");
    }

    @Test
    void failuresFailTheReportWarningsOnlyWhenStrictAndInfoNever() {
        CheckReport warned = new CheckReport(List.of(
                CheckResult.of(check("a", CheckStatus.PASS), CheckStatus.WARN, "w", "h"),
                CheckResult.of(check("b", CheckStatus.PASS), CheckStatus.INFO, "i", null)));
        CheckReport failed =
                new CheckReport(List.of(CheckResult.fail(check("c", CheckStatus.PASS), "c", List.of("x: missing"))));

        assertThat(warned.ok(false)).isTrue();
        assertThat(warned.ok(true)).isFalse();
        assertThat(warned.count(CheckStatus.WARN)).isEqualTo(1);
        assertThat(failed.ok(false)).isFalse();
        assertThat(new CheckReport(List.of(CheckResult.pass(check("d", CheckStatus.PASS), "ok"))).ok(true))
                .isTrue();
    }

    @Test
    void aRowIsWrittenAsJsonWithTheStatusSpelledAsInTheTable() {
        CheckResult r = new CheckResult(
                "kubernetes-version",
                "Kubernetes is new enough",
                CheckStatus.FAIL,
                "v1.30.9",
                List.of(),
                "upgrade the cluster");

        assertThat(Json.mapper().valueToTree(r).toString())
                .isEqualTo("{\"id\":\"kubernetes-version\",\"title\":\"Kubernetes is new enough\",\"status\":\"fail\","
                        + "\"detail\":\"v1.30.9\",\"problems\":[],\"hint\":\"upgrade the cluster\"}");
    }
}
