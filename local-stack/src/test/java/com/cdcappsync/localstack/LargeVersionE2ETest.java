package com.cdcappsync.localstack;

import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_SNAPSHOT;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_DELETE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Versions (LSNs) far above 2^31 and 10^12 through the handler, the simulator's VTL and DynamoDB Local: the stored
 * {@code N} is the exact digits, and the guard stays exact to the last unit (a newer by 1 wins, an older by 1 is
 * stale). The resolvers copy the version's text into {@code N}, so this holds whatever an engine would print for a
 * double (AppSync's Java VTL: 5.8325944E7).
 */
class LargeVersionE2ETest extends StackPerClassTest {

    private static final String SETTING = "noschemas-precise";

    private String upsert(int id, long lsn) {
        return e2e.invokeOne(e2e.fixtures.batch(Fixtures.withLsn(e2e.fixtures.record(SETTING, PRODUCT_1_SNAPSHOT, id),
                lsn)));
    }

    private String delete(int id, long lsn) {
        return e2e.invokeOne(e2e.fixtures.batch(Fixtures.withLsn(e2e.fixtures.record(SETTING, PRODUCT_3_DELETE, id),
                lsn)));
    }

    private String storedVersion(int id) {
        return e2e.item("Product", id).get("version").n();
    }

    @ParameterizedTest
    @ValueSource(longs = {2_147_483_648L + 58_325_944L, 1_000_000_000_000L + 7L, 58_325_944L,
            9_007_199_254_740_000L})
    void upsert_largeVersion_storedExactlyAndGuardedToTheUnit(long lsn) throws Exception {
        int id = (int) (300 + Math.floorMod(lsn, 97));

        assertThat(upsert(id, lsn)).isEqualTo("applied");
        JsonNode message = e2e.nextMessage("onUpsertProduct", id);
        assertThat(storedVersion(id)).isEqualTo(Long.toString(lsn));
        assertThat(message.get("version").asLong()).isEqualTo(lsn);

        assertThat(upsert(id, lsn - 1)).as("older by 1").isEqualTo("stale");
        assertThat(upsert(id, lsn)).as("the same again").isEqualTo("stale");
        assertThat(storedVersion(id)).isEqualTo(Long.toString(lsn));

        assertThat(upsert(id, lsn + 1)).as("newer by 1").isEqualTo("applied");
        assertThat(e2e.nextMessage("onUpsertProduct", id).get("version").asLong()).isEqualTo(lsn + 1);
        assertThat(storedVersion(id)).isEqualTo(Long.toString(lsn + 1));
        e2e.assertNoMessageSinceLastOne();
    }

    @ParameterizedTest
    @ValueSource(longs = {2_147_483_648L + 11L, 1_000_000_000_000L + 13L})
    void delete_largeVersion_tombstoneGuardedToTheUnit(long lsn) throws Exception {
        int id = (int) (400 + Math.floorMod(lsn, 97));
        assertThat(upsert(id, lsn)).isEqualTo("applied");
        e2e.nextMessage("onUpsertProduct", id);

        assertThat(delete(id, lsn + 1)).isEqualTo("applied");
        e2e.nextMessage("onDeleteProduct", id);
        assertThat(e2e.item("Product", id).get("deleted").bool()).isTrue();
        assertThat(storedVersion(id)).isEqualTo(Long.toString(lsn + 1));

        assertThat(upsert(id, lsn)).as("a late upsert, older by 1 than the delete").isEqualTo("stale");
        assertThat(e2e.item("Product", id).get("deleted").bool()).isTrue();
        e2e.assertNoMessageSinceLastOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.8325944E7", "58325944.0", "-1", "0x10", "12345678901234567890"})
    void mutation_versionNotPlainDigits_refusedByTheResolver(String version) throws Exception {
        CredentialsAuthority.IssuedCredentials c = e2e.stack.credentialsAuthority().issue(Duration.ofMinutes(5));
        String body = SignedPost.body("mutation { upsertProduct(input: {id: \"499\", version: \"" + version
                + "\", name: \"x\"}) { id version } }");
        SignedPost.Answer answer = SignedPost.send(e2e.stack.graphQlUrl(), SignedPost.sign(e2e.stack.graphQlUrl(),
                body, AwsSessionCredentialsIdentity.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()),
                LocalStack.REGION, "appsync", Clock.systemUTC()), body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errorType()).isEqualTo("InvalidVersion");
        assertThat(answer.message()).contains("input.version must be decimal digits").contains(version);
        assertThat(e2e.item("Product", 499)).isEmpty();
    }
}
