package com.cdcappsync.apimanifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The connector's grant, the one definition infra-cdk grants and the local stack enforces. */
class ConnectorGrantTest {

    @Test
    void connector_invokeAndGetFunctionOnTheLiveAliasArnOnly() {
        ConnectorGrant grant = ConnectorGrant.CONNECTOR;

        assertThat(grant.actions()).containsExactly("lambda:InvokeFunction", "lambda:GetFunction");
        assertThat(grant.resource("arn:aws:lambda:us-east-1:123456789012:function:f"))
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:f:live");
    }
}
