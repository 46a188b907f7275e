package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployConsoleTest {

    /** Records the deployments; refuses a folder named "broken". */
    private static final class Recording implements Deployments {
        final List<String> calls = new ArrayList<>();
        Path api = Path.of("/work/api");
        Path mapping;
        List<String> keys = List.of("da2-first");
        final AppSyncFaults faults = new AppSyncFaults();

        @Override
        public void deployApi(Path apiDir) {
            if (apiDir.endsWith("broken")) {
                throw new IllegalStateException("the schema does not parse");
            }
            calls.add("api " + apiDir);
            api = apiDir;
        }

        @Override
        public void deployFunction(Path file) {
            calls.add("function " + file);
            mapping = file;
        }

        @Override
        public void deployApiKeys(List<String> given) {
            calls.add("keys " + given);
            keys = given;
        }

        @Override
        public List<String> apiKeys() {
            return keys;
        }

        @Override
        public Path apiDir() {
            return api;
        }

        @Override
        public Optional<Path> mappingFile() {
            return Optional.ofNullable(mapping);
        }

        @Override
        public AppSyncFaults appSyncFaults() {
            return faults;
        }
    }

    private final Recording stack = new Recording();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final DeployConsole console = new DeployConsole(stack, new PrintStream(printed, true,
            StandardCharsets.UTF_8));

    @Test
    void run_commandsWithoutArgument_deployWhatIsDeployedAgain() {
        console.run("deploy-api");
        console.run("deploy-function");

        assertThat(stack.calls).containsExactly("api /work/api", "function null");
        assertThat(output()).contains("API deployed from /work/api", "function deployed with mapping (packaged)");
    }

    @Test
    void run_commandsWithArguments_deployThoseFiles() {
        console.run("  deploy-api /tmp/copy  ");
        console.run("deploy-function /tmp/mapping.json");
        console.run("deploy-function");

        assertThat(stack.calls).containsExactly("api /tmp/copy", "function /tmp/mapping.json",
                "function /tmp/mapping.json");
    }

    @Test
    void run_failedDeploymentOrUnknownCommand_reportedAndNothingChanged() {
        console.run("deploy-api /tmp/broken");
        console.run("deploy");
        console.run("");

        assertThat(stack.calls).isEmpty();
        assertThat(output()).contains("deploy-api failed, nothing changed: the schema does not parse")
                .contains("unknown command 'deploy'; type `deploy-api [DIR]`");
    }

    @Test
    void run_deployApiKeys_commaSeparatedKeysCurrentLast() {
        console.run("deploy-api-keys da2-first, da2-second");
        console.run("deploy-api-keys");

        assertThat(stack.calls).containsExactly("keys [da2-first, da2-second]");
        assertThat(output()).contains("API keys deployed: 2 accepted, the page uses the last",
                "deploy-api-keys failed, nothing changed: give the keys: deploy-api-keys KEY[,KEY...] (current last; "
                        + "now da2-first,da2-second)");
    }

    @Test
    void start_readsLinesUntilTheInputEnds() throws Exception {
        Thread reader = console.start(new ByteArrayInputStream("deploy-api /a\ndeploy-function /m.json\n"
                .getBytes(StandardCharsets.UTF_8)));
        reader.join();

        assertThat(stack.calls).containsExactly("api /a", "function /m.json");
    }

    @Test
    void run_freezeThrottleThaw_switchTheAppSyncEndpointsFault() {
        console.run("freeze-appsync");
        assertThat(stack.faults.current()).isEqualTo(AppSyncFaults.Fault.FREEZE);
        console.run("throttle-appsync");
        assertThat(stack.faults.current()).isEqualTo(AppSyncFaults.Fault.THROTTLE);
        console.run("thaw-appsync");

        assertThat(stack.faults.current()).isEqualTo(AppSyncFaults.Fault.NONE);
        assertThat(stack.calls).isEmpty();
        assertThat(output()).contains("AppSync frozen: GraphQL requests are held unanswered until thaw-appsync",
                "AppSync throttling: GraphQL requests are answered 429 TooManyRequestsException",
                "AppSync thawed: requests run as usual");
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
