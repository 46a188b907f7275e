package com.cdcappsync.upsert.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a JVM with a controlled environment: no variable of the machine (so no {@code AWS_*} key, profile or
 * container setting can leak in), a fresh home folder (no {@code ~/.aws}), and the EC2 instance metadata lookup
 * of the SDK's chain switched off (it would wait for a timeout off EC2). What the SDK's default credentials chain
 * finds there is only what the test put in.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * A process builder for {@code java <jvmArgs> -cp classpath mainClass args} with only {@code env} set.
     *
     * @param home an empty folder to use as HOME and user.home
     */
    public static ProcessBuilder builder(Path home, Map<String, String> env, String classpath, List<String> jvmArgs,
            String mainClass, List<String> args) throws IOException {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.home=" + home);
        command.add("-Daws.disableEc2Metadata=true");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().putAll(env);
        return builder;
    }
}
