package dev.kfboot.cluster;

import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.CookieHandler;
import java.net.NoRouteToHostException;
import java.net.ProxySelector;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * fabric8's JDK HTTP client, except that a connection the server refuses (nothing listens, unknown host, no route)
 * fails the request at once instead of being retried with backoff like a 5xx: kubectl says "connection refused"
 * in a second, and so does kfboot. fabric8 retries every {@link IOException}; this hands such a failure to it
 * wrapped in an unchecked exception, which it does not retry. Answers (429, 5xx) and timeouts are retried as before.
 */
public class NoRetryWhenRefused extends JdkHttpClientFactory {

    @Override
    protected HttpClient.Builder createNewHttpClientBuilder() {
        return new Builder(super.createNewHttpClientBuilder());
    }

    /** The failure as the caller should see it: refusals unwrapped from retrying, everything else as it was. */
    static Throwable refusalNotRetried(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof HttpTimeoutException) return cause;
            if (c.getCause() == c) break;
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ConnectException
                    || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException) {
                return new Refused(cause);
            }
            if (c.getCause() == c) break;
        }
        return cause;
    }

    /** A refused connection, not retried; its cause is the JDK's exception. */
    static final class Refused extends RuntimeException {
        Refused(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private record Builder(HttpClient.Builder d) implements HttpClient.Builder {
        @Override
        public HttpClient.Builder cookieHandler(CookieHandler h) {
            d.cookieHandler(h);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration t) {
            d.connectTimeout(t);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext c) {
            d.sslContext(c);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters p) {
            d.sslParameters(p);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor e) {
            d.executor(e);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect r) {
            d.followRedirects(r);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version v) {
            d.version(v);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int p) {
            d.priority(p);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector p) {
            d.proxy(p);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator a) {
            d.authenticator(a);
            return this;
        }

        @Override
        public HttpClient build() {
            return new Client(d.build());
        }
    }

    private static final class Client extends HttpClient {
        private final HttpClient d;

        Client(HttpClient d) {
            this.d = d;
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return d.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return d.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return d.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return d.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return d.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return d.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return d.authenticator();
        }

        @Override
        public Version version() {
            return d.version();
        }

        @Override
        public Optional<Executor> executor() {
            return d.executor();
        }

        @Override
        public WebSocket.Builder newWebSocketBuilder() {
            return d.newWebSocketBuilder();
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest r, HttpResponse.BodyHandler<T> h)
                throws IOException, InterruptedException {
            try {
                return d.send(r, h);
            } catch (IOException e) {
                if (refusalNotRetried(e) instanceof Refused refused) throw refused;
                throw e;
            }
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest r, HttpResponse.BodyHandler<T> h) {
            return relay(d.sendAsync(r, h));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(
                HttpRequest r, HttpResponse.BodyHandler<T> h, HttpResponse.PushPromiseHandler<T> p) {
            return relay(d.sendAsync(r, h, p));
        }

        private static <T> CompletableFuture<HttpResponse<T>> relay(CompletableFuture<HttpResponse<T>> inner) {
            CompletableFuture<HttpResponse<T>> outer = new CompletableFuture<>();
            inner.whenComplete((v, t) -> {
                if (t == null) outer.complete(v);
                else outer.completeExceptionally(refusalNotRetried(t));
            });
            outer.whenComplete((v, t) -> {
                if (outer.isCancelled()) inner.cancel(true);
            });
            return outer;
        }
    }
}
