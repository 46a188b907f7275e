package com.cdcappsync.upsert.appsync;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;

/**
 * Creates the one JDK {@link HttpClient} of an {@link AppSyncClient}.
 *
 * <p>Quirk: {@code http://} endpoints use HTTP/1.1. With the JDK's default (HTTP/2), the first
 * request on a plain-http connection is sent as an h2c upgrade ({@code Connection: Upgrade,
 * HTTP2-Settings}, {@code Upgrade: h2c}). The Amplify AppSync simulator, our only offline AppSync,
 * breaks on that upgrade and the request fails. Real AppSync is HTTPS only, where HTTP/2 is negotiated
 * by ALPN and falls back cleanly, so {@code https://} keeps HTTP/2.
 *
 * <p>Redirects are never followed: a redirected POST would lose its signature or API key, and AppSync
 * does not redirect; a 3xx is reported as an unexpected status.
 */
final class HttpClientFactory {

    private HttpClientFactory() {
    }

    static HttpClient create(AppSyncClientOptions options) {
        return HttpClient.newBuilder()
                .version(versionFor(options.endpoint()))
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static HttpClient.Version versionFor(URI endpoint) {
        boolean plainHttp = "http".equals(endpoint.getScheme().toLowerCase(Locale.ROOT));
        return plainHttp ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
    }
}
