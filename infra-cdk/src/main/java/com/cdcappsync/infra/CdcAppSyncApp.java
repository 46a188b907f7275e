package com.cdcappsync.infra;

import com.cdcappsync.infra.config.InfraConfigException;
import com.cdcappsync.infra.config.StackConfig;
import com.cdcappsync.infra.schema.GraphqlSources;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.constructs.Node;

/**
 * The CDK app {@code cdk.json} runs (through {@code cdk-app.sh}): reads context, finds {@code graphql-schema/}
 * and the Lambda jar, builds {@link CdcAppSyncStack} and checks it with cdk-nag's AwsSolutions rules. Any
 * configuration problem ends the run with a message naming the fix and exit status 1.
 */
public final class CdcAppSyncApp {

    /** Where {@code ./mvnw -B -pl lambda-upsert package} puts the Lambda jar, relative to the repository root. */
    public static final Path DEFAULT_LAMBDA_JAR = Path.of("lambda-upsert", "target", "lambda-upsert.jar");

    private CdcAppSyncApp() {
    }

    /**
     * Synthesizes the app into {@code cdk.out} (the CDK CLI passes context and the output folder).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        App app = new App();
        try {
            Path workingDir = Path.of("").toAbsolutePath();
            StackConfig config = StackConfig.fromContext(contextOf(app.getNode()));
            Path schemaDir = config.graphqlSchemaDir().map(workingDir::resolve)
                    .orElseGet(() -> GraphqlSources.findRepositoryRoot(workingDir).resolve(GraphqlSources.FOLDER));
            Path jar = config.lambdaJar().map(workingDir::resolve)
                    .orElseGet(() -> GraphqlSources.findRepositoryRoot(workingDir).resolve(DEFAULT_LAMBDA_JAR));
            build(app, new CdcAppSyncStack.Props(config, GraphqlSources.load(schemaDir), requireLambdaJar(jar)));
        } catch (InfraConfigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        app.synth();
    }

    /**
     * Adds the stack to an app and cdk-nag's AwsSolutions checks to all of it: what {@link #main} synthesizes,
     * and what the tests check.
     *
     * @param app the app
     * @param props the stack's settings, sources and code
     * @return the stack
     */
    public static CdcAppSyncStack build(App app, CdcAppSyncStack.Props props) {
        CdcAppSyncStack stack = new CdcAppSyncStack(app, props);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }

    /**
     * @param jar the Lambda deployment package
     * @return the jar, when it is a file
     * @throws InfraConfigException naming the build command when it is not
     */
    public static Path requireLambdaJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new InfraConfigException("The Lambda jar is missing", List.of(jar.toAbsolutePath().normalize()
                    + " does not exist; build it from the repository root with ./mvnw -B -pl lambda-upsert "
                    + "package (add -DskipTests to skip its tests), or point -c lambdaJar=PATH at a built jar"));
        }
        return jar;
    }

    /** @return the app's whole context (CLI {@code -c} values, {@code cdk.json} and {@code cdk.context.json}) */
    @SuppressWarnings("unchecked")
    static Map<String, Object> contextOf(Node node) {
        Object all = node.getAllContext();
        return all instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : Map.of();
    }
}
