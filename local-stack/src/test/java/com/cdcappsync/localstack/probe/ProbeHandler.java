package com.cdcappsync.localstack.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crac.Core;
import org.crac.Resource;

/**
 * A function for the local stack's own tests, run in the child JVM under the runtime interface client: it reports
 * what the runtime gave it (environment, context, trace header, CRaC hooks) and misbehaves on request (sleeps past
 * the timeout, exits, throws). Depends on nothing but the Lambda core library and org.crac, as a deployed jar.
 */
public final class ProbeHandler implements RequestStreamHandler, Resource {

    private static final Pattern COMMAND = Pattern.compile("\"do\"\\s*:\\s*\"([^\"]*)\"");
    private final List<String> hooks = new CopyOnWriteArrayList<>();

    /** Registers for the SnapStart hooks, as {@code UpsertHandler} does. */
    public ProbeHandler() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        hooks.add("beforeCheckpoint");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        hooks.add("afterRestore");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        Matcher matcher = COMMAND.matcher(event);
        String command = matcher.find() ? matcher.group(1) : "echo";
        String[] parts = command.split(":", 2);
        switch (parts[0]) {
            case "sleep" -> sleep(Long.parseLong(parts[1]));
            case "exit" -> System.exit(Integer.parseInt(parts[1]));
            case "throw" -> throw new IllegalStateException(parts[1]);
            default -> { }
        }
        Map<String, Object> answer = new TreeMap<>();
        answer.put("requestId", context.getAwsRequestId());
        answer.put("arn", context.getInvokedFunctionArn());
        answer.put("remainingMs", context.getRemainingTimeInMillis());
        answer.put("trace", System.getProperty("com.amazonaws.xray.traceHeader"));
        answer.put("clientContext", context.getClientContext() == null ? null : context.getClientContext().getCustom());
        answer.put("hooks", hooks);
        answer.put("env", new TreeMap<>(System.getenv()));
        if (command.equals("credentials")) {
            String uri = System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI");
            answer.put("withToken", fetch(uri, System.getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN")));
            answer.put("withoutToken", fetch(uri, null));
        }
        output.write(json(answer).getBytes(StandardCharsets.UTF_8));
    }

    private static String fetch(String uri, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(uri).toURL().openConnection();
        if (token != null) {
            connection.setRequestProperty("Authorization", token);
        }
        int status = connection.getResponseCode();
        InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream();
        return status + " " + (body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(json(k.toString())).append(':')
                    .append(json(v)));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(json(v)));
            return out.append(']').toString();
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
