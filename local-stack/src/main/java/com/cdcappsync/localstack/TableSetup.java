package com.cdcappsync.localstack;

import com.cdcappsync.apimanifest.ApiManifest;
import com.cdcappsync.apimanifest.IndexSpec;
import com.cdcappsync.apimanifest.TableSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * Creates the tables of {@link ApiManifest} as the CDK stack does: partition key (string) only, on-demand
 * billing, TTL on the manifest's attribute, and each declared global secondary index (string partition key, every
 * attribute projected: infra-cdk's DataTables reads the same entries). DynamoDB Local accepts
 * {@code UpdateTimeToLive} (it records the setting; whether it ever reaps items does not matter here: queries hide
 * tombstones either way).
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

    /**
     * Creates the tables of {@code manifest} that do not exist yet and the indexes an existing table lacks (a
     * deployment that adds a table or an index: CloudFormation adds a GSI to a table in place, one per update).
     */
    void createMissing(ApiManifest manifest) {
        Set<String> existing = Set.copyOf(dynamoDb.listTablesPaginator().tableNames().stream().toList());
        for (TableSpec table : manifest.tables()) {
            if (!existing.contains(table.dataSource())) {
                create(table);
            } else {
                addMissingIndexes(table);
            }
        }
    }

    private void addMissingIndexes(TableSpec table) {
        Set<String> present = new LinkedHashSet<>();
        var description = dynamoDb.describeTable(b -> b.tableName(table.dataSource())).table();
        if (description.hasGlobalSecondaryIndexes()) {
            description.globalSecondaryIndexes().forEach(i -> present.add(i.indexName()));
        }
        for (IndexSpec index : table.indexes()) {
            if (present.contains(index.name())) {
                continue;
            }
            dynamoDb.updateTable(b -> b.tableName(table.dataSource())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(index.partitionKey())
                            .attributeType(ScalarAttributeType.S).build())
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.name())
                            .keySchema(KeySchemaElement.builder().attributeName(index.partitionKey())
                                    .keyType(KeyType.HASH).build())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()))));
            progress.accept("added index " + index.name() + " on " + index.partitionKey() + " to table "
                    + table.dataSource());
        }
    }

    private void create(TableSpec table) {
        Set<String> keyAttributes = new LinkedHashSet<>();
        keyAttributes.add(table.partitionKey());
        table.indexes().forEach(index -> keyAttributes.add(index.partitionKey()));
        List<AttributeDefinition> attributes = keyAttributes.stream().map(name -> AttributeDefinition.builder()
                .attributeName(name).attributeType(ScalarAttributeType.S).build()).toList();
        List<GlobalSecondaryIndex> indexes = table.indexes().stream().map(TableSetup::index).toList();
        dynamoDb.createTable(b -> {
            b.tableName(table.dataSource()).attributeDefinitions(attributes)
                    .keySchema(KeySchemaElement.builder().attributeName(table.partitionKey()).keyType(KeyType.HASH)
                            .build())
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (!indexes.isEmpty()) {
                b.globalSecondaryIndexes(indexes);
            }
        });
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.dataSource()));
        dynamoDb.updateTimeToLive(b -> b.tableName(table.dataSource()).timeToLiveSpecification(
                TimeToLiveSpecification.builder().enabled(true).attributeName(table.ttlAttribute()).build()));
        progress.accept("created table " + table.dataSource() + " (" + table.type() + "; partition key "
                + table.partitionKey() + ", TTL " + table.ttlAttribute()
                + table.indexes().stream().map(i -> ", index " + i.name() + " on " + i.partitionKey())
                        .reduce("", String::concat) + ")");
    }

    private static GlobalSecondaryIndex index(IndexSpec index) {
        return GlobalSecondaryIndex.builder().indexName(index.name())
                .keySchema(KeySchemaElement.builder().attributeName(index.partitionKey()).keyType(KeyType.HASH).build())
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }
}
