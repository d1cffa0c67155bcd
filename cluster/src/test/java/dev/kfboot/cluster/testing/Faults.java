package dev.kfboot.cluster.testing;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Faults the mock API server injects: the next N requests that match answer with an error code, either instead
 * of being served ({@link #fail}) or after being served ({@link #failAfterServing}: the write happened, the
 * answer is lost, as when a proxy drops a response).
 */
public final class Faults {

    /** One rule: which requests, how many more times, which code, served first or not. */
    public static final class Rule {
        final Predicate<RecordedRequest> matches;
        final AtomicInteger remaining;
        final int code;
        final boolean serveFirst;
        final long delayMillis;
        final AtomicInteger hits = new AtomicInteger();

        Rule(Predicate<RecordedRequest> matches, int times, int code, boolean serveFirst) {
            this(matches, times, code, serveFirst, 0);
        }

        Rule(Predicate<RecordedRequest> matches, int times, int code, boolean serveFirst, long delayMillis) {
            this.matches = matches;
            this.remaining = new AtomicInteger(times);
            this.code = code;
            this.serveFirst = serveFirst;
            this.delayMillis = delayMillis;
        }

        /** How often the rule fired. */
        public int hits() {
            return hits.get();
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    public Rule fail(String method, String pathContains, int times, int code) {
        return add(new Rule(matcher(method, pathContains), times, code, false));
    }

    public Rule failAfterServing(String method, String pathContains, int times, int code) {
        return add(new Rule(matcher(method, pathContains), times, code, true));
    }

    /** The next N matching requests are answered only after {@code delay} (an overloaded API server). */
    public Rule slow(String method, String pathContains, int times, Duration delay) {
        return add(new Rule(matcher(method, pathContains), times, 0, true, delay.toMillis()));
    }

    /** Every request fails with {@code code} (e.g. 401 for revoked credentials) until {@link #clear()}. */
    public Rule failAll(int code) {
        return add(new Rule(r -> true, Integer.MAX_VALUE, code, false));
    }

    public Rule add(Rule r) {
        rules.add(r);
        return r;
    }

    public void clear() {
        rules.clear();
    }

    private static Predicate<RecordedRequest> matcher(String method, String pathContains) {
        return r -> (method == null || method.equalsIgnoreCase(r.getMethod()))
                && (pathContains == null || r.getPath().contains(pathContains));
    }

    /** The rule that takes this request, if any (and counts it). */
    Rule take(RecordedRequest r) {
        for (Rule rule : rules) {
            if (rule.matches.test(r) && rule.remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                rule.hits.incrementAndGet();
                return rule;
            }
        }
        return null;
    }

    static MockResponse response(int code) {
        String reason = switch (code) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 409 -> "Conflict";
            case 429 -> "TooManyRequests";
            default -> "InternalError";
        };
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"" + reason
                + "\",\"message\":\"injected " + code + "\",\"code\":" + code + "}";
        MockResponse m =
                new MockResponse().setResponseCode(code).setBody(body).setHeader("Content-Type", "application/json");
        if (code == 429) m.setHeader("Retry-After", "0");
        return m;
    }
}
