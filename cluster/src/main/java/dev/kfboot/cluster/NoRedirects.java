package dev.kfboot.cluster;

import java.net.http.HttpClient;

/**
 * fabric8's JDK HTTP client with redirects off. fabric8 turns on {@code Redirect.ALWAYS} for every client, so an API
 * server (or whatever answers at its address) that redirects would receive the bearer token at another host, even
 * from HTTPS to plain HTTP. kubectl follows no redirects for API calls; neither does kfboot: a 3xx answer is a
 * failure of that request. A refused connection still fails at once ({@link NoRetryWhenRefused}).
 */
final class NoRedirects extends NoRetryWhenRefused {

    @Override
    protected void additionalConfig(HttpClient.Builder builder) {
        // called after fabric8 applied its own settings, Redirect.ALWAYS among them
        builder.followRedirects(HttpClient.Redirect.NEVER);
    }
}
