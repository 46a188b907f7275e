package com.cdcappsync.localstack;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One call of the Lambda API this server serves.
 *
 * @param action the IAM action it needs
 * @param target the function it names (null when {@code invalid})
 * @param invalid why the function name or qualifier is refused; null when they are fine
 */
record LambdaApiCall(String action, FunctionTarget target, String invalid) {

    /** The call for this method and URI; null when it is no operation served here. */
    static LambdaApiCall of(String method, URI uri, String region) {
        String path = uri.getRawPath();
        if (!path.startsWith(InvokeServer.PATH_PREFIX)) {
            return null;
        }
        String rest = path.substring(InvokeServer.PATH_PREFIX.length());
        String action;
        if (method.equals("POST") && rest.endsWith("/invocations")) {
            action = InvokeServer.INVOKE;
            rest = rest.substring(0, rest.length() - "/invocations".length());
        } else if (method.equals("GET") && !rest.isEmpty() && !rest.contains("/")) {
            action = InvokeServer.GET_FUNCTION;
        } else {
            return null;
        }
        String name = URLDecoder.decode(rest, StandardCharsets.UTF_8);
        try {
            return new LambdaApiCall(action, FunctionTarget.parse(name, qualifierParameter(uri),
                    region), null);
        } catch (IllegalArgumentException e) {
            return new LambdaApiCall(action, null, e.getMessage());
        }
    }

    private static String qualifierParameter(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("Qualifier=")) {
                return URLDecoder.decode(pair.substring("Qualifier=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
