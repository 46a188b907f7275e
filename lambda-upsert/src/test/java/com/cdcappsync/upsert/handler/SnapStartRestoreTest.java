package com.cdcappsync.upsert.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.testing.ChildJvm;
import com.cdcappsync.upsert.testing.ContainerCredentialsServer;
import com.cdcappsync.upsert.testing.RecordingAppSyncServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SnapStart and credentials: the handler signs with the SDK's container credentials (what Lambda gives SnapStart
 * functions), priming resolves none, and after {@code afterRestore} the next invocation fetches the restored
 * environment's credentials with its token. Runs the handler in a child JVM with a controlled environment, so no
 * provider earlier in the chain (system properties, key variables, profiles) can answer instead.
 */
class SnapStartRestoreTest {

    private final ContainerCredentialsServer credentials = new ContainerCredentialsServer("token-before", "AKIDBEFORE");
    private final RecordingAppSyncServer appSync = new RecordingAppSyncServer();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        credentials.close();
        appSync.close();
    }

    /** What the child printed, and the tokens the endpoint had seen when the snapshot was taken. */
    private record Run(List<String> output, List<String> tokensAtCheckpoint) {
    }

    private Run run(boolean invokeBefore, boolean restore) throws Exception {
        Process process = ChildJvm.builder(home, Map.of(), System.getProperty("java.class.path"), List.of(),
                RestoreScenario.class.getName(), List.of(appSync.url().toString(), credentials.uri().toString(),
                        "token-before", "token-after", invokeBefore ? "invoke-before" : "no-invoke-before",
                        restore ? "restore" : "no-restore"))
                .redirectError(home.resolve("stderr.txt").toFile()).start();
        List<String> output = new ArrayList<>();
        List<String> tokensAtCheckpoint = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream in = process.getOutputStream()) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.add(line);
                if (line.equals("CHECKPOINTED")) {
                    tokensAtCheckpoint = credentials.tokensSeen();
                    credentials.rotate("token-after", "AKIDAFTER");
                    in.write("restored\n".getBytes(StandardCharsets.UTF_8));
                    in.flush();
                }
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("tokens %s, child output %s, errors %s", credentials.tokensSeen(), output,
                Files.readString(home.resolve("stderr.txt"))).isZero();
        return new Run(output, tokensAtCheckpoint);
    }

    @Test
    void afterRestore_credentialsCachedBeforeSnapshot_nextInvocationSignsWithRestoredCredentials() throws Exception {
        Run run = run(true, true);

        assertThat(run.output()).anySatisfy(l -> assertThat(l).startsWith("AFTER").contains("\"applied\""));
        assertThat(appSync.requests()).extracting(RecordingAppSyncServer.Signed::authorization).satisfiesExactly(
                before -> assertThat(before).contains("Credential=AKIDBEFORE/"),
                after -> assertThat(after).contains("Credential=AKIDAFTER/"));
        assertThat(appSync.requests()).extracting(RecordingAppSyncServer.Signed::securityToken)
                .containsExactly("session-of-AKIDBEFORE", "session-of-AKIDAFTER");
        assertThat(credentials.tokensSeen()).containsExactly("token-before", "token-after");
    }

    @Test
    void withoutAfterRestore_theChainKeepsSigningWithCredentialsFromBeforeTheSnapshot() throws Exception {
        // The control for the test above: the SDK caches credentials until they near expiry, so only the reset
        // in afterRestore makes a restored environment fetch its own.
        run(true, false);

        assertThat(appSync.requests()).extracting(RecordingAppSyncServer.Signed::authorization)
                .allSatisfy(a -> assertThat(a).contains("Credential=AKIDBEFORE/")).hasSize(2);
        assertThat(credentials.tokensSeen()).containsExactly("token-before");
    }

    @Test
    void beforeCheckpoint_resolvesNoCredentials_firstInvocationAfterRestoreFetchesThem() throws Exception {
        Run run = run(false, true);

        assertThat(run.tokensAtCheckpoint()).isEmpty();
        assertThat(appSync.requests()).singleElement()
                .satisfies(r -> assertThat(r.authorization()).contains("Credential=AKIDAFTER/"));
        assertThat(credentials.tokensSeen()).containsExactly("token-after");
    }
}
