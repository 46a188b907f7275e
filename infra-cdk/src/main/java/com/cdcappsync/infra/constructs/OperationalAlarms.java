package com.cdcappsync.infra.constructs;

import com.cdcappsync.upsert.response.BatchReport;
import com.cdcappsync.upsert.response.RecordStatus;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Alarms that say a change may not have reached the site: the function failed or was throttled, an
 * asynchronous invocation waits in the on-failure queue, or Lambda could not even put it there. Each fires on a
 * single occurrence within five minutes; missing data is fine (no traffic). Two watch the function's own
 * metrics: replication lag (LagMs) held high, and rejected records. The function cannot see a stopped connector
 * (no invocation, no metric): bin/doctor can (RUNBOOK.md).
 */
public final class OperationalAlarms extends Construct {

    private static final Duration PERIOD = Duration.minutes(5);
    /** LagMs (commit in PostgreSQL to the function's run) above this, at its maximum per minute ... */
    static final double LAG_THRESHOLD_MS = 120_000;
    /** ... for this many consecutive minutes: a slow or stuck pipeline, not one slow batch. */
    static final int LAG_MINUTES = 5;

    /**
     * @param namePrefix prefix of the alarm names, e.g. {@code cdc-appsync-dev}
     * @param function the upsert function (all versions and aliases)
     * @param onFailureQueue its on-failure queue
     * @param alarmTopicArn an SNS topic to notify; empty: the alarms only change state
     * @param metricsNamespace the namespace the function writes its own metrics to (lambda-upsert's BatchReport;
     *                         its METRICS_NAMESPACE setting): {@code StackConfig.metricsNamespace()}
     */
    public record Props(String namePrefix, IFunction function, IQueue onFailureQueue, Optional<String> alarmTopicArn,
                        String metricsNamespace) {
    }

    private final String namePrefix;
    private final Optional<ITopic> topic;

    public OperationalAlarms(Construct scope, String id, Props props) {
        super(scope, id);
        namePrefix = props.namePrefix();
        topic = props.alarmTopicArn().map(arn -> Topic.fromTopicArn(this, "AlarmTopic", arn));
        MetricOptions sum = MetricOptions.builder().period(PERIOD).statistic("Sum").build();
        add("FunctionErrors", props.function().metricErrors(sum),
                "The upsert function failed (an invocation threw, timed out or ran out of memory); the connector "
                        + "retries synchronous batches, asynchronous ones go to the on-failure queue.");
        add("FunctionThrottles", props.function().metricThrottles(sum),
                "Invocations of the upsert function were throttled (account or reserved concurrency).");
        add("DestinationDeliveryFailures", props.function().metric("DestinationDeliveryFailures", sum),
                "Lambda could not deliver a failed asynchronous invocation to the on-failure queue: that batch is "
                        + "lost unless replayed from Kafka.");
        add("OnFailureQueueDepth", props.onFailureQueue().metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().period(PERIOD).statistic("Maximum").build()),
                "Asynchronous invocations failed after Lambda's retries and wait in the on-failure queue: inspect "
                        + "and redrive them (see infra-cdk/README.md).");
        Map<String, String> function = Map.of(BatchReport.DIMENSION, props.function().getFunctionName());
        Alarm lag = Alarm.Builder.create(this, "ReplicationLag")
                .alarmName(namePrefix + "-ReplicationLag")
                .alarmDescription("Changes reach the function more than " + (long) LAG_THRESHOLD_MS / 1000 + " s "
                        + "after their commit, for " + LAG_MINUTES + " minutes: the connector is behind or the "
                        + "function is slow. RUNBOOK.md, \"WAL growth\" and \"A failed task\"; run bin/doctor.")
                .metric(Metric.Builder.create().namespace(props.metricsNamespace()).metricName(BatchReport.LAG_METRIC)
                        .dimensionsMap(function)
                        .statistic("Maximum").period(Duration.minutes(1)).build())
                .threshold(LAG_THRESHOLD_MS)
                .evaluationPeriods(LAG_MINUTES)
                .datapointsToAlarm(LAG_MINUTES)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        topic.ifPresent(t -> lag.addAlarmAction(new SnsAction(t)));
        add("RejectedRecords", Metric.Builder.create().namespace(props.metricsNamespace())
                        .metricName(RecordStatus.REJECTED.metricName())
                        .dimensionsMap(function).statistic("Sum").period(PERIOD).build(),
                "The function rejected change events it cannot map (bad data, or a mapping behind the schema): see "
                        + "its log, then RUNBOOK.md, \"Replaying the error topic and the DLQ\".");
    }

    private void add(String id, IMetric metric, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName(namePrefix + "-" + id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        topic.ifPresent(t -> alarm.addAlarmAction(new SnsAction(t)));
    }
}
