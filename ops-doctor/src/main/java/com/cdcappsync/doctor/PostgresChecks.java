package com.cdcappsync.doctor;

import com.cdcappsync.doctor.Finding.Sample;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The database side (La Redoute's lesson: a slot nobody reads keeps every WAL file, until the disk is full).
 * Catalogs used: {@code pg_replication_slots}, {@code pg_publication_tables}, {@code pg_class.relreplident}
 * (https://www.postgresql.org/docs/current/view-pg-replication-slots.html,
 * https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADMIN-BACKUP for pg_wal_lsn_diff).
 */
final class PostgresChecks {

    private final DoctorOptions options;

    PostgresChecks(DoctorOptions options) {
        this.options = options;
    }

    List<Finding> run() {
        if (options.postgresUrl() == null) {
            return List.of(Finding.skipped("postgres", "no --postgres-url given"));
        }
        List<Finding> findings = new ArrayList<>();
        Properties credentials;
        try {
            credentials = options.postgresPassword().connectionProperties(options.postgresUrl());
        } catch (IllegalArgumentException e) {
            return List.of(Finding.of("postgres.connect", Status.FAIL, "--postgres-url: " + e.getMessage()));
        }
        try (Connection db = DriverManager.getConnection(options.postgresUrl(), credentials)) {
            findings.add(walLevel(db));
            findings.add(slot(db));
            findings.addAll(publication(db));
            findings.add(heartbeat(db));
        } catch (SQLException e) {
            findings.add(Finding.of("postgres.connect", Status.FAIL, "cannot query PostgreSQL: " + e.getMessage()
                    + " (check --postgres-url, and PGPASSWORD or the password file ~/.pgpass; the user needs to read "
                    + "pg_replication_slots)"));
        }
        return findings;
    }

    private static Finding walLevel(Connection db) throws SQLException {
        String level = single(db, "SHOW wal_level");
        return "logical".equals(level)
                ? Finding.of("postgres.wal_level", Status.OK, "wal_level=logical")
                : Finding.of("postgres.wal_level", Status.FAIL, "wal_level=" + level
                        + ": Debezium needs logical; ALTER SYSTEM SET wal_level = logical, then restart PostgreSQL");
    }

    private Finding slot(Connection db) throws SQLException {
        String sql = "SELECT active, wal_status, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint, "
                + "pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint "
                + "FROM pg_replication_slots WHERE slot_name = ?";
        String slot = options.slot();
        Map<String, String> labels = Map.of("slot", slot);
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, slot);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Finding.of("postgres.slot", Status.FAIL, "replication slot " + slot + " does not exist: "
                            + "the source connector creates it on its first start (slot.name)",
                            new Sample("cdc_doctor_slot_exists", "1 when the replication slot exists", labels, 0));
                }
                boolean active = rs.getBoolean(1);
                long retained = rs.getLong(3);
                long unconfirmed = rs.getLong(4);
                Status byWal = retained >= options.walFailBytes() ? Status.FAIL
                        : retained >= options.walWarnBytes() ? Status.WARN : Status.OK;
                Status status = byWal.worst(active ? Status.OK : Status.WARN);
                String detail = "slot " + slot + (active ? " active" : " INACTIVE (no connector reads it)")
                        + ", wal_status " + rs.getString(2) + ", retains " + retained + " bytes of WAL (restart_lsn), "
                        + unconfirmed + " bytes not yet confirmed (confirmed_flush_lsn); warn at "
                        + options.walWarnBytes() + ", fail at " + options.walFailBytes()
                        + (status == Status.OK ? "" : ". Runbook: \"WAL growth\"");
                return Finding.of("postgres.slot", status, detail,
                        new Sample("cdc_doctor_slot_exists", "1 when the replication slot exists", labels, 1),
                        new Sample("cdc_doctor_slot_active", "1 when a connector reads the slot", labels,
                                active ? 1 : 0),
                        new Sample("cdc_doctor_slot_retained_wal_bytes",
                                "WAL kept for the slot: current LSN minus restart_lsn", labels, retained),
                        new Sample("cdc_doctor_slot_unconfirmed_wal_bytes",
                                "current LSN minus confirmed_flush_lsn", labels, unconfirmed));
            }
        }
    }

    private List<Finding> publication(Connection db) throws SQLException {
        List<String> mapped = options.mappedTables();
        if (mapped.isEmpty()) {
            return List.of(Finding.skipped("postgres.publication", "no mapping file (--mapping) to compare with"));
        }
        Set<String> published = new HashSet<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = ?")) {
            st.setString(1, options.publication());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    published.add(rs.getString(1));
                }
            }
        }
        List<String> missing = mapped.stream().filter(t -> !published.contains(t)).toList();
        Finding pub = missing.isEmpty()
                ? Finding.of("postgres.publication", Status.OK, "publication " + options.publication()
                        + " covers every mapped table " + mapped)
                : Finding.of("postgres.publication", Status.FAIL, "publication " + options.publication()
                        + " lacks " + missing + ": ALTER PUBLICATION " + options.publication() + " ADD TABLE "
                        + String.join(", ", missing));
        List<Finding> findings = new ArrayList<>(List.of(pub));
        findings.add(replicaIdentity(db, mapped));
        return findings;
    }

    private static Finding replicaIdentity(Connection db, List<String> tables) throws SQLException {
        String sql = "SELECT c.relreplident, EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid "
                + "AND i.indisprimary) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ?";
        List<String> problems = new ArrayList<>();
        for (String table : tables) {
            String[] parts = table.split("\\.", 2);
            try (PreparedStatement st = db.prepareStatement(sql)) {
                st.setString(1, parts[0]);
                st.setString(2, parts[1]);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        problems.add(table + " does not exist");
                    } else if ("n".equals(rs.getString(1))) {
                        problems.add(table + " has REPLICA IDENTITY NOTHING (updates and deletes fail)");
                    } else if ("d".equals(rs.getString(1)) && !rs.getBoolean(2)) {
                        problems.add(table + " has REPLICA IDENTITY DEFAULT but no primary key");
                    }
                }
            }
        }
        return problems.isEmpty()
                ? Finding.of("postgres.replica_identity", Status.OK, "every mapped table identifies its rows")
                : Finding.of("postgres.replica_identity", Status.FAIL, String.join("; ", problems)
                        + ": ALTER TABLE ... REPLICA IDENTITY DEFAULT (with a primary key) or FULL");
    }

    private Finding heartbeat(Connection db) {
        String sql = "SELECT extract(epoch FROM now() - max(beat_at))::float8 FROM " + options.heartbeatTable();
        try (PreparedStatement st = db.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            double age = rs.getDouble(1);
            if (rs.wasNull()) {
                return Finding.of("postgres.heartbeat", Status.WARN, options.heartbeatTable()
                        + " is empty: the source connector has not beaten yet (heartbeat.action.query)");
            }
            long max = options.heartbeatMaxAge().toSeconds();
            return Finding.of("postgres.heartbeat", age > max ? Status.WARN : Status.OK,
                    "last heartbeat " + Math.round(age) + " s ago (warn past " + max + " s)",
                    new Sample("cdc_doctor_heartbeat_age_seconds", "seconds since the source connector's heartbeat",
                            Map.of("table", options.heartbeatTable()), age));
        } catch (SQLException e) {
            return Finding.of("postgres.heartbeat", Status.WARN, "cannot read " + options.heartbeatTable() + ": "
                    + e.getMessage() + " (cdc-setup.sql creates it)");
        }
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
