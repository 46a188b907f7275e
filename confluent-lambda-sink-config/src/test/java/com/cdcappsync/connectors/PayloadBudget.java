package com.cdcappsync.connectors;

/**
 * The arithmetic behind {@code aws.lambda.batch.size} (README, "Batch size"). The connector batches by count, never
 * by bytes, and a synchronous Lambda invocation fails above 6 MB, so the count must hold for the largest rows.
 *
 * <pre>
 * limit            6 MB, counted as 6 000 000 bytes (the smaller reading of "MB")
 * budget           75 % of it                                    = 4 500 000 bytes
 * largest record   256 KiB rendered (key + value as JSON strings) = 262 144 bytes   (assumption, see below)
 * wrapper          {"payload":{timestamp,topic,partition,offset}} <= 256 bytes      (measured on the fixtures)
 * batch of 16      16 x (262 144 + 256) + 2                       = 4 198 402 bytes <= 4 500 000
 * </pre>
 *
 * The assumption: after the column exclusions, an Odoo product row rendered in the sink's shape stays under
 * 256 KiB. The fixtures' largest record, a snapshot row whose description is a 10 240-character TOASTed text, is
 * about 11 KB; 256 KiB leaves room for long HTML descriptions in several languages, whose quotes are escaped again
 * at each JSON string layer (jsonb text inside the Debezium value, inside the string the sink sends). Rows with
 * images pasted inline into the HTML (data: URLs) can be far larger: lower the batch size or exclude the column.
 */
final class PayloadBudget {

    /** {@code aws.lambda.batch.size} in both sink templates. */
    static final int BATCH_SIZE = 16;
    /** AWS Lambda's synchronous request payload limit, 6 MB, read as decimal megabytes. */
    static final long LAMBDA_SYNC_LIMIT_BYTES = 6_000_000L;
    /** The share of the limit a worst-case batch may use. */
    static final double BUDGET_SHARE = 0.75;
    /** The assumed largest record, key and value rendered as the sink sends them. */
    static final long ASSUMED_MAX_RECORD_BYTES = 256L * 1024;
    /** Bound on the per-record wrapper: payload object, timestamp, topic, partition, offset. */
    static final long MAX_WRAPPER_BYTES = 256;

    private PayloadBudget() {
    }

    /** The size of a worst-case batch: every record as large as assumed. */
    static long worstCaseBatchBytes(int batchSize) {
        return batchSize * (ASSUMED_MAX_RECORD_BYTES + MAX_WRAPPER_BYTES) + 2; // + the array's brackets
    }
}
