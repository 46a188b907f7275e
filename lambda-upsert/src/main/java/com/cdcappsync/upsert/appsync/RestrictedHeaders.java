package com.cdcappsync.upsert.appsync;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Headers the JDK {@link java.net.http.HttpClient} writes itself and refuses to accept from callers
 * ({@code IllegalArgumentException: restricted header name}).
 *
 * <p>Quirk: SigV4 must sign {@code host}, so the signer sees it, but copying the signed headers onto
 * the JDK request must skip it. That is safe only if the JDK writes the same value we signed:
 * {@link #hostHeader(URI)} mirrors the JDK's rule (the port appears only when it is not the scheme's
 * default), and a test verifies the signature against the Host the server received.
 */
final class RestrictedHeaders {

    private static final Set<String> NAMES = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private RestrictedHeaders() {
    }

    static boolean isRestricted(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The Host header value the JDK sends for {@code uri}. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || port == (secure ? 443 : 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
