package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Docker path's compose file (local-stack/docker/docker-compose.yml), which cannot be run here (no Docker): read as
 * YAML and checked for what its README promises. Published ports on 127.0.0.1 only, pinned images, the Debezium of
 * the fixtures, the container-to-host names, and the environment each service gets.
 */
class DockerComposeFileTest {

    private static Path docker;
    private static Map<String, Object> services;
    private static Map<String, Object> compose;

    @BeforeAll
    static void read() throws IOException {
        docker = RepositoryLayout.locate(null).root().resolve("local-stack/docker");
        compose = new Yaml().load(Files.readString(docker.resolve("docker-compose.yml")));
        services = map(compose.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).as("services").containsKey(name);
        return map(services.get(name));
    }

    private static Map<String, Object> environment(String name) {
        return map(service(name).get("environment"));
    }

    @Test
    void services_everyPublishedPort_boundTo127001() {
        assertThat(services).isNotEmpty();
        services.forEach((name, definition) -> assertThat(list(map(definition).get("ports")))
                .as(name + "'s ports").allSatisfy(port -> assertThat(String.valueOf(port))
                        .matches("127\\.0\\.0\\.1:\\d+:\\d+")));
        assertThat(list(service("postgres").get("ports"))).containsExactly("127.0.0.1:5432:5432");
        assertThat(list(service("kafka").get("ports"))).containsExactly("127.0.0.1:29092:29092");
        assertThat(list(service("connect").get("ports"))).containsExactly("127.0.0.1:8083:8083");
        assertThat(list(service("localstack").get("ports"))).containsExactly("127.0.0.1:4566:4566");
    }

    @Test
    void services_images_pinnedToAVersion() {
        services.forEach((name, definition) -> assertThat(String.valueOf(map(definition).get("image")))
                .as(name + "'s image").matches("[a-z0-9./-]+:\\d[\\w.-]*"));
    }

    @Test
    void connect_debeziumVersion_isTheFixturesVersion() throws IOException {
        Matcher pom = Pattern.compile("<debezium\\.version>([^<]+)</debezium\\.version>")
                .matcher(Files.readString(docker.resolve("../../pom.xml")));
        assertThat(pom.find()).as("debezium.version in pom.xml").isTrue();
        assertThat(pom.group(1)).startsWith("3.6.");
        assertThat(environment("connect").get("DEBEZIUM_VERSION")).isEqualTo(pom.group(1));
    }

    @Test
    void connectAndLocalStack_reachTheHostAsHostDockerInternal() {
        for (String name : List.of("connect", "localstack")) {
            assertThat(list(service(name).get("extra_hosts"))).as(name)
                    .contains("host.docker.internal:host-gateway");
        }
        Map<String, Object> localstack = environment("localstack");
        assertThat(String.valueOf(localstack.get("LAMBDA_DOCKER_FLAGS")))
                .contains("--add-host=host.docker.internal:host-gateway");
        assertThat(localstack.get("LAMBDA_DOCKER_NETWORK")).isEqualTo(map(map(compose.get("networks"))
                .get("default")).get("name"));
    }

    @Test
    void connect_environment_pluginsProvidersAndCredentialsFromTheHostOnly() {
        Map<String, Object> connect = environment("connect");
        assertThat(String.valueOf(connect.get("CONNECT_PLUGIN_PATH")).split(",")).contains("/opt/cdc/plugins");
        assertThat(connect).containsEntry("CONNECT_CONFIG_PROVIDERS", "file,env")
                .containsEntry("CONNECT_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("AWS_ACCESS_KEY_ID", "${AWS_ACCESS_KEY_ID:-}")
                .containsEntry("AWS_SECRET_ACCESS_KEY", "${AWS_SECRET_ACCESS_KEY:-}")
                .containsEntry("AWS_SESSION_TOKEN", "${AWS_SESSION_TOKEN:-}");
        assertThat(list(service("connect").get("volumes")))
                .contains("../../kafka-connect-lambda-sink/target/plugin:/opt/cdc/plugins:ro");
    }

    @Test
    void postgresAndKafka_environment_logicalWalAndTheHostListenerOnThePublishedPort() {
        assertThat(list(service("postgres").get("command"))).contains("wal_level=logical");
        assertThat(environment("postgres")).containsEntry("POSTGRES_DB", "shop");
        assertThat(String.valueOf(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")))
                .contains("PLAINTEXT://kafka:9092").contains("HOST://localhost:29092");
    }

    /** Path B: mutations are @aws_iam only, so the function deployed to LocalStack signs with IAM, never a key. */
    @Test
    void deployToLocalStack_function_signsWithIamNotAnApiKey() throws IOException {
        String script = Files.readString(docker.resolve("bin/deploy-to-localstack"));
        assertThat(script).contains("APPSYNC_AUTH: \"iam\"").doesNotContain("APPSYNC_API_KEY")
                .doesNotContain("api-key");
        services.forEach((name, definition) -> assertThat(map(map(definition).getOrDefault("environment", Map.of())))
                .as(name + "'s environment").doesNotContainKey("APPSYNC_API_KEY"));
    }

    /**
     * Path B: LocalStack's function signs with the key the embedded stack trusts, set as system properties through
     * JAVA_TOOL_OPTIONS (AWS_ACCESS_KEY_ID is reserved by Lambda), both halves required from the environment.
     */
    @Test
    void deployToLocalStack_function_signsWithTheTrustedKeyThroughJavaToolOptions() throws IOException {
        String script = Files.readString(docker.resolve("bin/deploy-to-localstack"));
        String variables = script.substring(script.indexOf("{Variables:"), script.indexOf("}}", script
                .indexOf("{Variables:")));

        assertThat(script).contains("${TRUSTED_ACCESS_KEY_ID:?", "${" + TrustedExternalKey.SECRET_VARIABLE + ":?",
                "-Daws.accessKeyId=$TRUSTED_ACCESS_KEY_ID",
                "-Daws.secretAccessKey=$" + TrustedExternalKey.SECRET_VARIABLE);
        assertThat(variables).contains("JAVA_TOOL_OPTIONS: $java").doesNotContain("AWS_ACCESS_KEY_ID")
                .doesNotContain("AWS_SECRET_ACCESS_KEY").doesNotContain("AWS_SESSION_TOKEN");
    }

    /** The README's path B starts the stack where containers reach it, trusting the key; the secret stays off it. */
    @Test
    void readme_pathB_bindsForContainersAndTrustsTheKeyWithTheSecretOffTheCommandLine() throws IOException {
        String readme = Files.readString(docker.resolve("README.md"));
        Matcher start = Pattern.compile("(?m)^ +bin/local-stack [^\\n]*").matcher(readme);

        assertThat(start.find()).as("a bin/local-stack command in docker/README.md").isTrue();
        assertThat(start.group()).contains("--bind-host \"$BRIDGE\"")
                .contains("--trust-external-key \"$TRUSTED_ACCESS_KEY_ID\"")
                .doesNotContain(TrustedExternalKey.SECRET_VARIABLE);
        assertThat(readme).contains("export TRUSTED_ACCESS_KEY_ID=LKIALOCALFUNCTION "
                + TrustedExternalKey.SECRET_VARIABLE + "=").doesNotContain("Known gaps");
    }
}
