package com.cdcappsync.upsert.appsync;

import java.net.URI;

/** Renders an endpoint for messages and logs: scheme, host, port and path only. */
final class Endpoints {

    private Endpoints() {
    }

    /** The endpoint without user info, query or fragment, which may hold secrets. */
    static String redacted(URI endpoint) {
        if (endpoint == null) {
            return "null";
        }
        if (endpoint.getHost() == null) {
            return endpoint.getScheme() == null ? "<relative URL>" : endpoint.getScheme() + ":<no host>";
        }
        String port = endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort();
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        return endpoint.getScheme() + "://" + endpoint.getHost() + port + path;
    }
}
