package com.cdcappsync.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Deployments typed at a running stack's terminal ({@code bin/local-stack}, {@code bin/local-pipeline}), so that a
 * change of the API or the mapping can be rehearsed in the order the runbook gives, with the data and the rest of
 * the pipeline left running:
 * <pre>
 *   deploy-api [DIR]          serve DIR (default: the folder deployed last, after editing it)
 *   deploy-function [FILE]    run the function with mapping FILE (default: the one deployed last)
 *   deploy-api-keys KEY,...   accept exactly these website API keys, the current one last
 *   freeze-appsync            hold every GraphQL request unanswered, like a brown-out ({@link AppSyncFaults})
 *   throttle-appsync          answer every GraphQL request as throttled (429 TooManyRequestsException)
 *   thaw-appsync              answer as usual again; held requests go on
 * </pre>
 * A failed deployment is reported and changes nothing. The console ends when its input does.
 */
public final class DeployConsole {

    private final Deployments stack;
    private final PrintStream out;

    public DeployConsole(Deployments stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    /** The commands, one line each, for the launchers' banners. */
    public static String help() {
        return "type `deploy-api [DIR]`, `deploy-function [MAPPING]` or `deploy-api-keys KEY,...` here to deploy "
                + "again (RUNBOOK.md, \"DDL\" and \"API key rotation\"); `freeze-appsync`, `throttle-appsync` or "
                + "`thaw-appsync` to rehearse an AppSync brown-out (RUNBOOK.md, \"Time budget\")";
    }

    /** Reads commands from {@code in} on a daemon thread until it ends. */
    public Thread start(InputStream in) {
        return Thread.ofPlatform().daemon().name("local-stack-deploy-console").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    run(line);
                }
            } catch (IOException e) {
                out.println("deploy console stopped: " + e.getMessage());
            }
        });
    }

    /** Runs one command line; an unknown one prints the usage. */
    void run(String line) {
        String[] words = line.strip().split("\\s+", 2);
        String argument = words.length > 1 ? words[1].strip() : null;
        try {
            switch (words[0]) {
                case "" -> { }
                case "deploy-api" -> {
                    Path dir = argument != null ? Path.of(argument) : stack.apiDir();
                    stack.deployApi(dir);
                    out.println("API deployed from " + dir.toAbsolutePath());
                }
                case "deploy-function" -> {
                    Path mapping = argument != null ? Path.of(argument) : stack.mappingFile().orElse(null);
                    stack.deployFunction(mapping);
                    out.println("function deployed with mapping " + (mapping == null ? "(packaged)"
                            : mapping.toAbsolutePath()));
                }
                case "deploy-api-keys" -> {
                    if (argument == null) {
                        throw new IllegalArgumentException("give the keys: deploy-api-keys KEY[,KEY...] (current last; "
                                + "now " + String.join(",", stack.apiKeys()) + ")");
                    }
                    stack.deployApiKeys(List.of(argument.split("\\s*,\\s*")));
                    out.println("API keys deployed: " + stack.apiKeys().size() + " accepted, the page uses the last");
                }
                case "freeze-appsync" -> {
                    stack.appSyncFaults().freeze();
                    out.println("AppSync frozen: GraphQL requests are held unanswered until thaw-appsync");
                }
                case "throttle-appsync" -> {
                    stack.appSyncFaults().throttle();
                    out.println("AppSync throttling: GraphQL requests are answered 429 TooManyRequestsException until "
                            + "thaw-appsync");
                }
                case "thaw-appsync" -> {
                    AppSyncFaults faults = stack.appSyncFaults();
                    int held = faults.held();
                    faults.thaw();
                    out.println("AppSync thawed: requests run as usual" + (held > 0 ? "; " + held
                            + " held request(s) go on" : ""));
                }
                default -> out.println("unknown command '" + line.strip() + "'; " + help());
            }
        } catch (RuntimeException e) {
            out.println(words[0] + " failed, nothing changed: " + e.getMessage());
        }
    }
}
