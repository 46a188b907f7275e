package com.cdcappsync.connectors;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gives each placeholder its value: stack outputs from the outputs file, parameters from {@code --set} or their
 * defaults. Every value is checked against its expected form; the alias ARN must lie in the stack's region.
 */
public final class PlaceholderValues {

    private final StackOutputs outputs;
    private final Map<String, String> overrides;

    /**
     * @param outputs   the stack outputs, or null when no outputs file was given (templates that need none)
     * @param overrides parameter values from {@code --set}; only parameter keys are accepted
     * @throws RenderException for an unknown key, or a key that names a stack output
     */
    public PlaceholderValues(StackOutputs outputs, Map<String, String> overrides) {
        this.outputs = outputs;
        this.overrides = Map.copyOf(overrides);
        this.overrides.keySet().forEach(PlaceholderValues::checkSettable);
    }

    private static void checkSettable(String key) {
        Placeholder p = Placeholder.byKey(key).orElseThrow(() -> new RenderException("--set " + key
                + ": no such parameter; the parameters are " + parameterKeys()));
        if (p.source() == Placeholder.Source.STACK_OUTPUT) {
            throw new RenderException("--set " + key + ": " + key + " is a stack output, read from the outputs "
                    + "file (--outputs) so that the configs always match the deployed stack");
        }
    }

    /**
     * The value of {@code {{key}}}.
     *
     * @throws RenderException when the key is unknown, its value is missing, or the value has the wrong form
     */
    public String resolve(String key) {
        Placeholder p = Placeholder.byKey(key).orElseThrow(() -> new RenderException("the template uses {{" + key
                + "}}, which the renderer does not know; known placeholders: " + Arrays.stream(Placeholder.values())
                        .map(Placeholder::key).toList()));
        String value = p.source() == Placeholder.Source.STACK_OUTPUT ? stackOutput(p) : parameter(p);
        String problem = p.checkForm(value);
        if (problem != null) {
            throw new RenderException(problem + (p.source() == Placeholder.Source.STACK_OUTPUT
                    ? " (stack output of " + outputs.stack() + " in " + outputs.file() + ")" : " (from --set)"));
        }
        if (p == Placeholder.FUNCTION_ALIAS_ARN) {
            checkSameRegion(value);
        }
        return value;
    }

    private String stackOutput(Placeholder p) {
        if (outputs == null) {
            throw new RenderException(p.key() + " comes from the stack outputs: pass --outputs FILE, the file "
                    + "`cdk deploy --outputs-file FILE` writes");
        }
        return outputs.get(p.key()).orElseThrow(() -> outputs.missing(p.key()));
    }

    private String parameter(Placeholder p) {
        String value = overrides.get(p.key());
        if (value != null) {
            return value;
        }
        return p.defaultValue().orElseThrow(() -> new RenderException(p.key() + " has no default: pass --set "
                + p.key() + "=VALUE (" + describe(p) + ")"));
    }

    private static String describe(Placeholder p) {
        return switch (p) {
            case PROVIDER_INTEGRATION_ID -> "the Confluent Cloud provider integration that may assume the stack's "
                    + "ConnectorPrincipalArn role, such as cspi-abc123";
            case KAFKA_SERVICE_ACCOUNT_ID -> "the Confluent Cloud service account the connector runs as, such as "
                    + "sa-abc123";
            default -> p.key();
        };
    }

    private void checkSameRegion(String arn) {
        String arnRegion = arn.split(":")[3];
        outputs.get(Placeholder.REGION.key()).filter(region -> !region.equals(arnRegion)).ifPresent(region -> {
            throw new RenderException("FunctionAliasArn " + arn + " is in " + arnRegion + " but the stack's Region "
                    + "output is " + region + "; the connector invokes the function in aws.lambda.region, so both "
                    + "must agree. Check the stack outputs in " + outputs.file());
        });
    }

    private static String parameterKeys() {
        return Arrays.stream(Placeholder.values()).filter(p -> p.source() == Placeholder.Source.PARAMETER)
                .map(Placeholder::key).collect(Collectors.joining(", "));
    }
}
