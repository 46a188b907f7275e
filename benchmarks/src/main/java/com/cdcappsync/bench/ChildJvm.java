package com.cdcappsync.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fresh JVMs for the harnesses that measure start-up, or that must not share JIT state between runs. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The {@code java} launcher of the running JDK. */
    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code mainClass} of this class path in a new JVM, its standard error passed through.
     *
     * @return the lines it printed on standard output
     * @throws IllegalStateException when it exits non-zero
     */
    static List<String> run(Class<?> mainClass, List<String> args, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(mainClass.getSimpleName() + " " + args + " failed (exit " + exit + ")");
        }
        return lines;
    }
}
