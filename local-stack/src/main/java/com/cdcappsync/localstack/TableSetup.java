package com.cdcappsync.localstack;

import com.cdcappsync.apimanifest.ApiManifest;
import com.cdcappsync.apimanifest.TableSpec;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * Creates the tables of {@link ApiManifest} as the CDK stack does: partition key (string) only, on-demand
 * billing, TTL on the manifest's attribute. DynamoDB Local accepts {@code UpdateTimeToLive} (it records the
 * setting; whether it ever reaps items does not matter here: queries hide tombstones either way).
 */
final class TableSetup {

    private final DynamoDbClient dynamoDb;
    private final Consumer<String> progress;

    TableSetup(DynamoDbClient dynamoDb, Consumer<String> progress) {
        this.dynamoDb = dynamoDb;
        this.progress = progress;
    }

    void createAll(ApiManifest manifest) {
        for (TableSpec table : manifest.tables()) {
            create(table);
        }
    }

    /** Creates the tables of {@code manifest} that do not exist yet (a deployment that adds a table). */
    void createMissing(ApiManifest manifest) {
        Set<String> existing = Set.copyOf(dynamoDb.listTablesPaginator().tableNames().stream().toList());
        for (TableSpec table : manifest.tables()) {
            if (!existing.contains(table.dataSource())) {
                create(table);
            }
        }
    }

    private void create(TableSpec table) {
        dynamoDb.createTable(b -> b.tableName(table.dataSource())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(table.partitionKey())
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(table.partitionKey()).keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.dataSource()));
        dynamoDb.updateTimeToLive(b -> b.tableName(table.dataSource()).timeToLiveSpecification(
                TimeToLiveSpecification.builder().enabled(true).attributeName(table.ttlAttribute()).build()));
        progress.accept("created table " + table.dataSource() + " (" + table.type() + "; partition key "
                + table.partitionKey() + ", TTL " + table.ttlAttribute() + ")");
    }
}
