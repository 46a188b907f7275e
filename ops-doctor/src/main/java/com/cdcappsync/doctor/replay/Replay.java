package com.cdcappsync.doctor.replay;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.Redact;
import com.cdcappsync.cli.UsageException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bin/doctor replay}: reads its options as every tool of this repository does ({@link CommandLines}), then
 * runs a {@link Replayer} with Kafka's own clients (byte arrays in and out, so nothing is re-encoded).
 */
public final class Replay {

    /** Exit code when a record was refused. */
    public static final int REFUSED_EXIT_STATUS = 1;

    private Replay() {
    }

    /**
     * Runs {@code bin/doctor replay ARGS}.
     *
     * @return 0 every record replayed or nothing to do, 1 a record refused, 2 bad usage or Kafka unreachable
     */
    public static int run(PrintWriter out, PrintStream err, String... args) {
        String usage = CommandLines.usage(new ReplayOptions());
        try {
            ReplayOptions options = CommandLines.parse(new ReplayOptions(), ReplayOptions::help, Replay::check, args);
            if (options.help()) {
                out.print(usage);
                out.flush();
                return 0;
            }
            options.tombstoneLifetime().get();
            Replayer.Summary summary = replay(options, out);
            out.println(summary.describe(options));
            out.flush();
            return summary.refused() > 0 ? REFUSED_EXIT_STATUS : 0;
        } catch (UsageException e) {
            return CommandLines.reportUsage("doctor replay", e, usage, err);
        } catch (IllegalArgumentException | KafkaException e) {
            out.flush();
            err.println("doctor replay: " + Redact.secrets(e.getMessage()));
            return CommandLines.USAGE_EXIT_STATUS;
        }
    }

    private static void check(ReplayOptions options, List<String> problems) {
        if (options.dryRun() && options.deleteReplayed()) {
            problems.add("--delete-replayed with --dry-run: a dry run deletes nothing; drop one of them");
        }
        if (options.max() < 1) {
            problems.add("--max must be at least 1, got " + options.max());
        }
        if (options.to() != null && options.to().equals(options.from())) {
            problems.add("--to names --from (" + options.from() + "): the records would come back to be replayed");
        }
    }

    private static Replayer.Summary replay(ReplayOptions options, PrintWriter out) {
        Map<String, Object> common = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) options.timeout().toMillis());
        Map<String, Object> held = new java.util.HashMap<>(common);
        held.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, options.group(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, options.timeout().toMillis());
        try (var consumer = new KafkaConsumer<>(held, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             var originals = new KafkaConsumer<>(common, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             var writer = new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer());
             Admin admin = Admin.create(common)) {
            OriginResolver resolver = new OriginResolver(originals, options.to(), options.timeout());
            return new Replayer(options, consumer, writer, admin, resolver, out).run();
        }
    }
}
