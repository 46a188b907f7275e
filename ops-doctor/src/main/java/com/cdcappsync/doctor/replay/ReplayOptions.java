package com.cdcappsync.doctor.replay;

import com.cdcappsync.doctor.TombstoneLifetime;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/doctor replay}'s options; defaults here only. */
@Command(name = "doctor replay", sortOptions = false, description = {
    "Puts the records held on an error topic or dead-letter queue back on the topics they came from, where the "
        + "sink reads them again. A dead-letter record (Kafka Connect, __connect.errors.* headers) goes back with its "
        + "exact key and value bytes and its other headers to the topic and partition its headers name; a Lambda "
        + "sink error message is replaced by the original record it names, read back from its topic.",
    "Reads each partition from the group's committed offset (--group) up to the end offset seen at the start, and "
        + "commits the group after the records were written, so a second run replays nothing twice. A record "
        + "without a target, or older than the tombstone lifetime, is refused: that partition stops there, "
        + "the others go on, and the exit code is 1.",
    "Exit code: 0 every record replayed (or nothing to do), 1 a record refused, 2 bad usage or Kafka unreachable."})
public final class ReplayOptions {

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT,...", description = "Kafka")
    private String bootstrapServers;

    @Option(names = "--from", required = true, paramLabel = "TOPIC",
            description = "the error topic or dead-letter queue, e.g. cdc-appsync-lambda-sink-dlq")
    private String from;

    @Option(names = "--to", paramLabel = "TOPIC", description = "send every record to this topic (partition by "
            + "key) instead of each record's own (the __connect.errors.topic header or the error message's topic)")
    private String to;

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = "cdc-appsync-replay",
            description = "the consumer group whose committed offsets on --from mark what was replayed "
                    + "(default: ${DEFAULT-VALUE})")
    private String group;

    @Option(names = "--from-beginning", description = "ignore the group's committed offsets: replay everything "
            + "--from still holds")
    private boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "replay at most N records (default: all)")
    private Long max;

    @Option(names = "--dry-run", description = "print what would be replayed; write, commit and delete nothing")
    private boolean dryRun;

    @Option(names = "--delete-replayed", description = "then delete the replayed records from --from (Kafka's "
            + "DeleteRecords up to the first record not replayed), so the doctor's kafka.topic check turns OK")
    private boolean deleteReplayed;

    @Option(names = "--allow-older-than-tombstone-ttl", description = "replay records older than the tombstone "
            + "lifetime too (they can bring deleted rows back; see RUNBOOK.md, \"Tombstone lifetime\")")
    private boolean allowOld;

    @Mixin
    private TombstoneLifetime tombstoneLifetime = new TombstoneLifetime();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "ISO-8601: how long to wait for Kafka per call, and for the held records "
                    + "(default: ${DEFAULT-VALUE})")
    private Duration timeout;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
    private boolean help;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String group() {
        return group;
    }

    public boolean fromBeginning() {
        return fromBeginning;
    }

    /** The most records to replay; {@link Long#MAX_VALUE} when unbounded. */
    public long max() {
        return max == null ? Long.MAX_VALUE : max;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public boolean deleteReplayed() {
        return deleteReplayed;
    }

    public boolean allowOld() {
        return allowOld;
    }

    public TombstoneLifetime tombstoneLifetime() {
        return tombstoneLifetime;
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean help() {
        return help;
    }
}
