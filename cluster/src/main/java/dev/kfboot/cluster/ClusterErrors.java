package dev.kfboot.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns what fabric8 throws into one {@link ClusterException} per cause, each with a hint that helps. */
public final class ClusterErrors {

    private ClusterErrors() {}

    public static ClusterException translate(Throwable e, String doing, String server) {
        if (e instanceof ClusterException ce) return ce;
        Throwable network = networkCause(e);
        if (network instanceof SSLException || network instanceof CertificateException) {
            return new ClusterException(
                    ClusterException.Kind.TLS,
                    "TLS with the Kubernetes API at " + server + " failed while " + doing + ": " + message(network),
                    "check the cluster's CA in the kubeconfig; --insecure-skip-tls-verify skips the check (unsafe)",
                    e);
        }
        if (network instanceof HttpConnectTimeoutException
                || network instanceof ConnectException
                || network instanceof UnknownHostException
                || network instanceof NoRouteToHostException
                || network instanceof ClosedChannelException) {
            return new ClusterException(
                    ClusterException.Kind.UNREACHABLE,
                    "cannot reach the Kubernetes API at " + server + " while " + doing + ": " + message(network),
                    "check --context and --kubeconfig (`kubectl config current-context`) and "
                            + "that the cluster is running",
                    e);
        }
        if (network instanceof HttpTimeoutException
                || network instanceof TimeoutException
                || network instanceof InterruptedIOException
                || e instanceof KubernetesClientTimeoutException) {
            return new ClusterException(
                    ClusterException.Kind.TIMEOUT,
                    "the Kubernetes API at " + server + " did not answer in time while " + doing,
                    "the API server is overloaded or far away: retry, or raise --request-timeout",
                    e);
        }
        KubernetesClientException k = find(e, KubernetesClientException.class);
        int code = k == null ? 0 : k.getCode();
        String status = k != null && k.getStatus() != null && k.getStatus().getMessage() != null
                ? k.getStatus().getMessage()
                : message(e);
        return switch (code) {
            case 401 ->
                new ClusterException(
                        ClusterException.Kind.UNAUTHORIZED,
                        "the Kubernetes API at " + server + " refused the credentials (401 Unauthorized) while "
                                + doing,
                        "log in again or check the user of the context in the kubeconfig (`kubectl auth whoami`)",
                        e);
            case 403 ->
                new ClusterException(
                        ClusterException.Kind.FORBIDDEN,
                        "forbidden (403) while " + doing + ": " + status,
                        "the user of this context lacks RBAC permission; `kubectl auth can-i` shows what it may do",
                        e);
            case 404 ->
                new ClusterException(
                        ClusterException.Kind.NOT_FOUND,
                        "not found while " + doing + ": " + status,
                        "check the name and --namespace; is Argo CD installed (`kfboot install-argocd`)?",
                        e);
            case 429 ->
                new ClusterException(
                        ClusterException.Kind.THROTTLED,
                        "the Kubernetes API kept throttling requests (429 Too Many Requests) while " + doing,
                        "the API server is busy: retry later, or raise --api-retries",
                        e);
            default ->
                code >= 500
                        ? new ClusterException(
                                ClusterException.Kind.API_ERROR,
                                "the Kubernetes API failed (" + code + ") while " + doing + ": " + status,
                                "retries were exhausted; retry later (kfboot commands are safe to re-run)",
                                e)
                        : new ClusterException(
                                ClusterException.Kind.FAILED,
                                "the Kubernetes API refused a request while " + doing
                                        + (code > 0 ? " (" + code + ")" : "") + ": " + status,
                                "run again with --debug for details",
                                e);
        };
    }

    private static Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException
                    || t instanceof CertificateException
                    || t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof HttpTimeoutException
                    || t instanceof ClosedChannelException
                    || t instanceof TimeoutException
                    || t instanceof InterruptedIOException) {
                return t;
            }
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static <T> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t.getCause() == t) break;
        }
        return null;
    }

    /** What went wrong, in words: never a Java class name (the JDK leaves most network messages empty). */
    static String message(Throwable t) {
        String m = t.getMessage();
        m = m == null ? "" : m.lines().findFirst().orElse(m).strip();
        if (m.matches("(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error)(?::.*)?"))
            m = m.replaceFirst("^[\\w.]+(?::\\s*)?", "");
        if (t instanceof ConnectException)
            return m.isEmpty() || m.equals("Connection refused") ? "connection refused" : m;
        if (t instanceof UnknownHostException) return "unknown host" + (m.isEmpty() ? "" : " " + m);
        if (t instanceof NoRouteToHostException) return "no route to host";
        if (t instanceof ClosedChannelException) return "the connection was closed";
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException) return "timed out";
        if (t instanceof SSLException || t instanceof CertificateException)
            return m.isEmpty() ? "TLS handshake failed" : m;
        return m.isEmpty() ? "no details" : m;
    }

    /** The HTTP status of a fabric8 failure, or 0 when there was no answer. */
    public static int code(Throwable e) {
        KubernetesClientException k = find(e, KubernetesClientException.class);
        return k == null ? 0 : k.getCode();
    }
}
