package com.cdcappsync.infra.constructs;

import com.cdcappsync.apimanifest.ConnectorGrant;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Alias;
import software.constructs.Construct;

/**
 * The Confluent Lambda Sink connector's principal: an IAM role, not a user, so that no long-lived access key
 * exists (none to leak, rotate or put in a template). It may call {@code lambda:InvokeFunction} and
 * {@code lambda:GetFunction} (the connector checks the function on start) on the alias ARN, and nothing else:
 * {@link ConnectorGrant#CONNECTOR}, the one definition the local stack's Invoke API enforces too. The alias ARN covers
 * only calls made with that qualifier, which is how the connector calls (its function name is the alias ARN).
 *
 * <p>Who assumes it: Confluent Cloud's provider integration (its role ARN and external id), Connect workers on
 * AWS through their instance, task or pod role, or any other identity through an AWS profile with
 * {@code role_arn}. The default trust, the deploying account's root, delegates the choice to IAM policies in that
 * account.
 */
public final class ConnectorAccess extends Construct {

    /** What the connector may do on the alias ({@link ConnectorGrant#CONNECTOR}). */
    public static final List<String> ACTIONS = ConnectorGrant.CONNECTOR.actions();

    /**
     * @param alias the alias the connector invokes: its name must be the grant's ({@link ConnectorGrant#alias()})
     * @param trustedPrincipalArn who may assume the role; empty: the deploying account's root
     * @param externalId the {@code sts:ExternalId} the assuming party must send; empty: none required
     */
    public record Props(Alias alias, Optional<String> trustedPrincipalArn, Optional<String> externalId) {
        public Props {
            if (!ConnectorGrant.CONNECTOR.alias().equals(alias.getAliasName())) {
                throw new IllegalArgumentException("the connector's grant is on alias '"
                        + ConnectorGrant.CONNECTOR.alias() + "' (ConnectorGrant), got alias '" + alias.getAliasName()
                        + "'; fix: invoke the alias the grant names, or change ConnectorGrant for both stacks");
            }
        }
    }

    private final Role role;

    public ConnectorAccess(Construct scope, String id, Props props) {
        super(scope, id);
        IPrincipal trusted = props.trustedPrincipalArn().<IPrincipal>map(ArnPrincipal::new)
                .orElseGet(AccountRootPrincipal::new);
        Role.Builder builder = Role.Builder.create(this, "Role")
                .assumedBy(trusted)
                .description("The Confluent Lambda Sink connector: invoke and describe the upsert alias only.");
        props.externalId().ifPresent(externalId -> builder.externalIds(List.of(externalId)));
        role = builder.build();
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("InvokeUpsertAlias")
                .actions(ACTIONS)
                .resources(List.of(props.alias().getFunctionArn()))
                .build());
    }

    /** @return the role the connector assumes */
    public Role role() {
        return role;
    }
}
