package com.cdcappsync.localstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * How a client hands AppSync's real-time endpoint its authorization header ({@code {"host", "x-api-key"}}) when it
 * opens the WebSocket. The page's {@code config.json} names it as {@code "realtimeAuth"}.
 * <ul>
 *   <li>{@link #SUBPROTOCOL}: the current form: {@code Sec-WebSocket-Protocol: graphql-ws, header-<base64url JSON,
 *       no padding>} (AWS AppSync developer guide, "Building a real-time WebSocket client"; amplify-js
 *       {@code AWSWebSocketProvider}, aws-amplify/amplify-js#13726: "the service expects the client to pass the auth
 *       token through as a WS subprotocol", base64url because the WebSocket API forbids '/' and '=' there). What
 *       {@code bin/web-config} writes for the deployed API.</li>
 *   <li>{@link #QUERY}: the older form, {@code ?header=<base64 JSON>&payload=e30=} with subprotocol
 *       {@code graphql-ws}; AppSync still accepts it for existing APIs. The Amplify simulator reads only this one
 *       ({@code decodeHeaderFromQueryParam} in its websocket server), so the local stack uses it.</li>
 * </ul>
 */
public enum RealtimeAuth {
    SUBPROTOCOL("subprotocol"),
    QUERY("query");

    /** The subprotocol AppSync's real-time endpoint speaks. */
    public static final String PROTOCOL = "graphql-ws";

    private final String configName;

    RealtimeAuth(String configName) {
        this.configName = configName;
    }

    /** The value in {@code config.json}'s {@code realtimeAuth}. */
    public String configName() {
        return configName;
    }

    /** The URL to open: the endpoint itself, or with {@code ?header=...&payload=e30=}. */
    String url(String realtimeUrl, String authorizationJson) {
        if (this == SUBPROTOCOL) {
            return realtimeUrl;
        }
        // Encoded for the query: base64 has '+', '/' and '=', which a query string would otherwise change.
        return realtimeUrl + "?header=" + URLEncoder.encode(Base64.getEncoder().encodeToString(
                bytes(authorizationJson)), StandardCharsets.UTF_8) + "&payload=e30=";
    }

    /** The subprotocols to offer, most preferred first. */
    List<String> subprotocols(String authorizationJson) {
        if (this == QUERY) {
            return List.of(PROTOCOL);
        }
        return List.of(PROTOCOL, "header-" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(bytes(authorizationJson)));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
