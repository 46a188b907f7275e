package com.cdcappsync.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes product changes in PostgreSQL, each its own transaction, and remembers what the website should see for
 * each: a mix of price updates (70 % of changes to a live product), archives, "not for sale" and deletes (10 %
 * each), and the way back (unarchive, back on sale, re-insert under the same id). One change per product is
 * outstanding at a time, so each message answers exactly one change even though the function coalesces.
 */
final class ChangeDriver {

    /** A product's state in PostgreSQL. */
    enum State { LIVE, ARCHIVED, OFF_SALE, DELETED }

    /** A committed change awaiting its message: an upsert carrying {@code marker}, or a delete. */
    record Pending(long seq, String kind, boolean expectDelete, String marker, AtomicLong commitNanos) {
        /** Nanoseconds from the commit to now (0 if the message beat the commit's bookkeeping). */
        long latencyNanos(long now) {
            long committed = commitNanos.get();
            return committed == 0 ? 0 : now - committed;
        }
    }

    static final int FIRST_ID = 100_000;

    private final String jdbcUrl;
    private final int products;
    private final State[] states;
    private final AtomicBoolean[] busy;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final ThreadLocal<Connection> connections;

    ChangeDriver(String jdbcUrl, int products) {
        this.jdbcUrl = jdbcUrl;
        this.products = products;
        this.states = new State[products];
        this.busy = new AtomicBoolean[products];
        for (int i = 0; i < products; i++) {
            busy[i] = new AtomicBoolean();
        }
        this.connections = ThreadLocal.withInitial(this::connect);
    }

    private Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** Inserts every product (one transaction); their messages are expected like any other change. */
    void seed() throws SQLException {
        Connection db = connect();
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO product_template (id, name, "
                + "description_sale, list_price, write_date) VALUES (?, ?::jsonb, ?::jsonb, ?, now())")) {
            for (int i = 0; i < products; i++) {
                String marker = "seed-" + i;
                insert.setInt(1, FIRST_ID + i);
                insert.setString(2, "{\"en_US\": \"Product " + i + "\"}");
                insert.setString(3, saleDescription(marker));
                insert.setBigDecimal(4, new java.math.BigDecimal("10.00"));
                insert.addBatch();
                states[i] = State.LIVE;
                busy[i].set(true);
                pending.put(Integer.toString(FIRST_ID + i), new Pending(seq.incrementAndGet(), "insert", false, marker,
                        new AtomicLong()));
            }
            insert.executeBatch();
            db.commit();
            long now = System.nanoTime();
            pending.values().forEach(p -> p.commitNanos().compareAndSet(0, now));
        } finally {
            db.close();
        }
    }

    /** One change to a random product that has none outstanding; false when every product is busy. */
    boolean change() throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 20; attempt++) {
            int i = random.nextInt(products);
            if (busy[i].compareAndSet(false, true)) {
                apply(i, random.nextInt(100));
                return true;
            }
        }
        return false;
    }

    private void apply(int i, int dice) throws SQLException {
        int id = FIRST_ID + i;
        long n = seq.incrementAndGet();
        String marker = "c" + n;
        String sql;
        String kind;
        boolean delete;
        State next;
        switch (states[i]) {
            case LIVE -> {
                if (dice < 70) {
                    kind = "update";
                    delete = false;
                    next = State.LIVE;
                    sql = "UPDATE product_template SET list_price = " + (n % 100_000) / 100.0 + ", description_sale = '"
                            + saleDescription(marker) + "', write_date = now() WHERE id = " + id;
                } else if (dice < 80) {
                    kind = "archive";
                    delete = true;
                    next = State.ARCHIVED;
                    sql = "UPDATE product_template SET active = false, write_date = now() WHERE id = " + id;
                } else if (dice < 90) {
                    kind = "off-sale";
                    delete = true;
                    next = State.OFF_SALE;
                    sql = "UPDATE product_template SET sale_ok = false, write_date = now() WHERE id = " + id;
                } else {
                    kind = "delete";
                    delete = true;
                    next = State.DELETED;
                    sql = "DELETE FROM product_template WHERE id = " + id;
                }
            }
            case ARCHIVED -> {
                kind = "unarchive";
                delete = false;
                next = State.LIVE;
                sql = "UPDATE product_template SET active = true, description_sale = '" + saleDescription(marker)
                        + "', write_date = now() WHERE id = " + id;
            }
            case OFF_SALE -> {
                kind = "on-sale";
                delete = false;
                next = State.LIVE;
                sql = "UPDATE product_template SET sale_ok = true, description_sale = '" + saleDescription(marker)
                        + "', write_date = now() WHERE id = " + id;
            }
            default -> {
                kind = "re-insert";
                delete = false;
                next = State.LIVE;
                sql = "INSERT INTO product_template (id, name, description_sale, list_price, write_date) VALUES ("
                        + id + ", '{\"en_US\": \"Product " + i + " again\"}', '" + saleDescription(marker)
                        + "', 9.99, now())";
            }
        }
        // Registered before the commit: the message may come back before this thread runs again.
        Pending change = new Pending(n, kind, delete, marker, new AtomicLong());
        pending.put(Integer.toString(id), change);
        states[i] = next;
        try (var statement = connections.get().createStatement()) {
            statement.execute(sql);
            change.commitNanos().compareAndSet(0, System.nanoTime());
        } catch (SQLException e) {
            pending.remove(Integer.toString(id), change);
            busy[i].set(false);
            throw e;
        }
    }

    /** The marker as the translated sales description (jsonb) the API publishes as {@code descriptionSale}. */
    private static String saleDescription(String marker) {
        return "{\"en_US\": \"" + marker + "\"}";
    }

    /**
     * Matches a subscription message to the outstanding change of its product.
     *
     * @return the change it answers, or null
     */
    Pending arrived(String field, String id, String saleDescription) {
        Pending p = pending.get(id);
        if (p == null) {
            return null;
        }
        boolean matches = p.expectDelete() ? field.equals("onDeleteProduct")
                : field.equals("onUpsertProduct") && p.marker().equals(saleDescription);
        if (!matches || !pending.remove(id, p)) {
            return null;
        }
        busy[Integer.parseInt(id) - FIRST_ID].set(false);
        return p;
    }

    int outstanding() {
        return pending.size();
    }
}
