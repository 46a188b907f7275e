package com.cdcappsync.upsert.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class EnvironmentCredentialsTest {

    @Test
    void resolveCredentials_keysOnly_returnsLongTermCredentials() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret");

        AwsCredentialsIdentity credentials = new EnvironmentCredentials(env::get).resolveCredentials();

        assertThat(credentials).isNotInstanceOf(AwsSessionCredentialsIdentity.class);
        assertThat(credentials.accessKeyId()).isEqualTo("AKID");
        assertThat(credentials.secretAccessKey()).isEqualTo("secret");
    }

    @Test
    void resolveCredentials_withSessionToken_returnsSessionCredentials() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_SESSION_TOKEN", "token");

        AwsCredentialsIdentity credentials = new EnvironmentCredentials(env::get).resolveCredentials();

        assertThat(credentials).isInstanceOfSatisfying(AwsSessionCredentialsIdentity.class,
                session -> assertThat(session.sessionToken()).isEqualTo("token"));
    }

    @Test
    void resolveCredentials_nothingSet_namesBothVariablesAndFix() {
        Map<String, String> env = Map.of();

        assertThatThrownBy(new EnvironmentCredentials(env::get)::resolveCredentials)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")
                .hasMessageContaining("execution role")
                .hasMessageContaining("export AWS_ACCESS_KEY_ID");
    }

    @Test
    void resolveCredentials_blankSecret_namesOnlyTheSecret() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", " ");

        assertThatThrownBy(new EnvironmentCredentials(env::get)::resolveCredentials)
                .hasMessageContaining("but AWS_SECRET_ACCESS_KEY is not set");
    }

    @Test
    void toString_namesVariablesNotValues() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret");

        assertThat(new EnvironmentCredentials(env::get).toString())
                .contains("AWS_ACCESS_KEY_ID").doesNotContain("secret", "AKID");
    }
}
