package com.cdcappsync.connectors.localstack;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips a test class where no Docker runs, saying why (in the test report and on standard error) and where the
 * Docker path is described. Registered before
 * {@code @Testcontainers(disabledWithoutDocker = true)}, whose own message ("Docker is not available") is shorter.
 */
public final class DockerRequired implements ExecutionCondition {

    static final String SKIPPED = "Skipped: no Docker environment found. The LocalStack end-to-end test deploys "
            + "lambda-upsert.jar to LocalStack in Docker; run it where Docker runs (local-stack/docker/README.md).";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        if (docker) {
            return ConditionEvaluationResult.enabled("Docker is available");
        }
        // Surefire's console shows only "Skipped: 1"; say why where the build log shows it.
        System.err.println(context.getDisplayName() + ": " + SKIPPED);
        return ConditionEvaluationResult.disabled(SKIPPED);
    }
}
