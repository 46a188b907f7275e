package com.cdcappsync.infra.constructs;

import com.cdcappsync.apimanifest.IndexSpec;
import com.cdcappsync.apimanifest.TableSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * One DynamoDB table per stored GraphQL type: on-demand, point-in-time recovery, TTL on the tombstone expiry
 * attribute, encrypted with the AWS managed key, and kept on stack deletion unless told otherwise; plus each
 * global secondary index {@code api.json} declares for it (string partition key, every attribute projected), the
 * same entries the local stack creates its indexes from.
 */
public final class DataTables extends Construct {

    /**
     * @param tables the tables to create ({@code api.json}'s {@code tables})
     * @param tableNames the physical table name of each type, one for every table
     * @param retainData RETAIN the tables on deletion or replacement; false: DESTROY
     */
    public record Props(List<TableSpec> tables, Map<String, String> tableNames, boolean retainData) {
        public Props {
            tables = List.copyOf(tables);
            tableNames = Map.copyOf(tableNames);
            for (TableSpec table : tables) {
                if (!tableNames.containsKey(table.type())) {
                    throw new IllegalArgumentException("No table name for type " + table.type()
                            + "; pass one for every table");
                }
            }
        }
    }

    private final Map<String, Table> byDataSource = new LinkedHashMap<>();

    public DataTables(Construct scope, String id, Props props) {
        super(scope, id);
        RemovalPolicy removal = props.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        for (TableSpec spec : props.tables()) {
            Table table = Table.Builder.create(this, spec.type())
                    .tableName(props.tableNames().get(spec.type()))
                    .partitionKey(Attribute.builder().name(spec.partitionKey()).type(AttributeType.STRING).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                            .pointInTimeRecoveryEnabled(true).build())
                    .timeToLiveAttribute(spec.ttlAttribute())
                    .encryption(TableEncryption.AWS_MANAGED)
                    .removalPolicy(removal)
                    .build();
            for (IndexSpec index : spec.indexes()) {
                table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                        .indexName(index.name())
                        .partitionKey(Attribute.builder().name(index.partitionKey()).type(AttributeType.STRING).build())
                        .projectionType(ProjectionType.ALL)
                        .build());
            }
            byDataSource.put(spec.dataSource(), table);
        }
    }

    /** @return the tables by {@code api.json} data source name, in file order */
    public Map<String, ITable> byDataSource() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(byDataSource));
    }
}
