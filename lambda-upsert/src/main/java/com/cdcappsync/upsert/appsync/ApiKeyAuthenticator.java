package com.cdcappsync.upsert.appsync;

import java.util.List;
import java.util.Map;

/** API-key auth: {@code x-api-key} header. */
final class ApiKeyAuthenticator implements RequestAuthenticator {

    static final String HEADER = "x-api-key";

    private final Map<String, List<String>> headers;

    ApiKeyAuthenticator(String apiKey) {
        this.headers = Map.of("content-type", List.of(CONTENT_TYPE), HEADER, List.of(apiKey));
    }

    @Override
    public Map<String, List<String>> headers(byte[] body) {
        return headers;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticator";
    }
}
