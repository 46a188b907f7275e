package com.cdcappsync.upsert.handler;

import com.cdcappsync.upsert.UpsertHandler;
import com.cdcappsync.upsert.UpsertPipeline;
import com.cdcappsync.upsert.config.HandlerConfig;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The child-JVM side of {@link SnapStartRestoreTest}: a function's life around a SnapStart snapshot, with the
 * container credentials endpoint named by the system properties the SDK reads as well as the environment
 * ({@code aws.containerCredentialsFullUri}, {@code aws.containerAuthorizationToken}; SDK {@code SdkSystemSetting}).
 *
 * <p>Arguments: GraphQL URL, credentials URI, token before, token after, {@code invoke-before|no-invoke-before},
 * {@code restore|no-restore}. Prints {@code CHECKPOINTED} after {@code beforeCheckpoint} and waits for a line on
 * standard input (the parent rotates the endpoint's token and keys meanwhile, as a restore does).
 */
public final class RestoreScenario {

    static final String ONE_PRODUCT = """
            [{"payload":{"timestamp":1,"topic":"odoo.public.product_template","partition":0,"offset":7,
              "key":{"id":9},"value":{"op":"c","before":null,"after":{"id":9,"name":"{\\"en_US\\":\\"Desk\\"}",
              "active":true,"sale_ok":true},"source":{"table":"product_template","lsn":100,"ts_ms":1}}}}]
            """;

    private RestoreScenario() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("aws.containerCredentialsFullUri", args[1]);
        System.setProperty("aws.containerAuthorizationToken", args[2]);
        UpsertHandler handler = new UpsertHandler(UpsertPipeline.builder()
                .config(HandlerConfig.fromEnvironment(Map.of("APPSYNC_GRAPHQL_URL", args[0],
                        "AWS_REGION", "us-east-1")::get, true))
                .log(line -> { })
                .build());
        if (args[4].equals("invoke-before")) {
            System.out.println("BEFORE " + invoke(handler));
        }
        handler.beforeCheckpoint(null);
        System.out.println("CHECKPOINTED");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.setProperty("aws.containerAuthorizationToken", args[3]);
        if (args[5].equals("restore")) {
            handler.afterRestore(null);
        }
        System.out.println("AFTER " + invoke(handler));
    }

    private static String invoke(UpsertHandler handler) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(ONE_PRODUCT.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
