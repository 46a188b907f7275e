package com.cdcappsync.localstack;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.UsageException;
import com.cdcappsync.apimanifest.TableSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/local-stack}: starts the local stack, prints its endpoints, replays a recorded batch through it
 * and keeps running until Ctrl-C; with {@code --verify}, also proves that a WebSocket subscriber received every
 * applied change, then stops. Exit status: 0 done (or verified), 1 replay or verification failed, 2 bad usage
 * or the stack could not start.
 */
public final class LocalStackMain {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    LocalStackMain(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(new LocalStackMain(System.out, System.err, System.getenv()).run(args, true));
    }

    /**
     * Runs the command.
     *
     * @param untilInterrupted whether to keep the stack running after a replay without {@code --verify}
     */
    int run(String[] args, boolean untilInterrupted) throws InterruptedException {
        LauncherArguments parsed;
        try {
            parsed = LauncherArguments.parse(args);
        } catch (UsageException e) {
            return CommandLines.reportUsage("local-stack", e, LauncherArguments.usage(), err);
        }
        if (parsed.help()) {
            out.print(LauncherArguments.usage());
            return 0;
        }
        LocalStackOptions options;
        LocalStack stack;
        try {
            options = parsed.options(environment, out);
            stack = LocalStack.start(options);
        } catch (RuntimeException e) {
            err.println("local stack: " + e.getMessage());
            return 2;
        }
        // The connector role's credentials for the AWS CLI (the Invoke API checks SigV4 and the role's grant).
        ConnectorCredentials connector = ConnectorCredentials.serve(stack.credentialsAuthority());
        Thread stopOnExit = new Thread(() -> stop(stack, connector), "local-stack-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            printEndpoints(stack, parsed, connector);
            Path replayFile = parsed.replay() != null ? parsed.replay() : options.layout().sample();
            Replay replay = new Replay(stack, SubscriptionSpec.forStack(stack), out);
            if (parsed.verify()) {
                boolean verified = replay.verify(replayFile, parsed.timeout());
                out.println("the function ran in " + stack.lambdaMode() + " mode; container credentials fetched "
                        + stack.containerCredentialFetches() + " time(s)");
                return verified ? 0 : 1;
            }
            if (!parsed.noReplay() && !replay.replay(replayFile)) {
                return 1;
            }
            if (untilInterrupted) {
                new DeployConsole(stack, out).start(System.in);
                out.println("local stack running; press Ctrl-C to stop; " + DeployConsole.help());
                new CountDownLatch(1).await();
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("local stack: " + e.getMessage());
            return 1;
        } finally {
            stop(stack, connector);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running.
            }
        }
    }

    private void stop(LocalStack stack, ConnectorCredentials connector) {
        connector.close();
        if (stack.isRunning()) {
            out.println("stopping the local stack ...");
            stack.close();
            out.println("local stack stopped");
        }
    }

    private void printEndpoints(LocalStack stack, LauncherArguments parsed, ConnectorCredentials connector) {
        String tables = String.join(", ", stack.manifest().tables().stream().map(TableSpec::dataSource).toList());
        out.println();
        out.println("local stack ready");
        out.println("  GraphQL URL     " + stack.graphQlUrl());
        out.println("  real-time URL   " + stack.realtimeUrl() + "  (AppSync graphql-ws protocol)");
        out.println("  API key         " + stack.apiKey());
        out.println("  invoke URL      " + stack.invokeUrl());
        out.println("  function        " + stack.functionName() + "  (" + stack.lambdaMode() + " mode, the deployable "
                + "jar under the Lambda runtime interface client)");
        out.println("  DynamoDB Local  " + stack.dynamoDbEndpoint() + "  (tables " + tables + ")");
        out.println("  API definition  " + stack.apiDir());
        out.println("  mapping         " + stack.mappingFile().map(Path::toString).orElse("(packaged)"));
        out.println("  live page       " + stack.livePageUrl() + "  (open it in a browser"
                + (parsed.verify() ? "; run without --verify to keep it up)" : ")"));
        out.println("  connector role  signs Invoke and GetFunction on " + stack.functionAliasArn() + "; its "
                + "credentials, for the AWS CLI:");
        connector.environment().forEach((name, value) -> out.println("                  export " + name + "=" + value));
        out.println("  try:  aws lambda invoke --region " + LocalStack.REGION + " --endpoint-url "
                + stack.invokeEndpoint() + " --function-name " + stack.functionName() + ":" + LocalStack.FUNCTION_ALIAS
                + " --cli-binary-format raw-in-base64-out --payload fileb://"
                + "lambda-upsert/samples/odoo-product-changes.json /dev/stdout");
        out.println();
    }
}
