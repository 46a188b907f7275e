package com.cdcappsync.pipeline;

import static com.cdcappsync.pipeline.PipelineFixture.SOURCE;
import static com.cdcappsync.pipeline.PipelineFixture.WAIT;
import static com.cdcappsync.pipeline.PipelineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.doctor.Finding;
import com.cdcappsync.doctor.Status;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * RUNBOOK.md "WAL growth", dropping a slot safely, done on the real pipeline: the drop refused while the connector
 * reads the slot; the connector stopped, the slot inactive, dropped (the doctor then fails the slot check); a change
 * made while no slot exists; the connector started again: its offset names WAL nothing kept, so (the shipped
 * {@code snapshot.mode=when_needed}) it makes a new slot and snapshots again, which brings that change; then it
 * streams, and the store equals PostgreSQL. With {@code snapshot.mode=initial} the task fails there instead
 * ("...no longer available on the server. Reconfigure the connector to use a snapshot mode when needed").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlotDropPipelineTest {

    private static final String SLOT = "cdc_appsync";

    private PipelineFixture fx;

    @BeforeAll
    void start() throws Exception {
        fx = new PipelineFixture("slot-drop");
    }

    @AfterAll
    void stop() throws Exception {
        fx.closeHealthy();
    }

    @Test
    void dropSlot_runbookSteps_newSlotAndSnapshotBringTheChangeMadeWithoutOne() throws Exception {
        fx.execute("INSERT INTO product_template (id, name, list_price, write_date) VALUES "
                + "(3101, '{\"en_US\": \"Stool\"}', 20, now())");
        assertThat(price(3101)).isEqualTo("20.00");
        assertThatThrownBy(() -> fx.execute("SELECT pg_drop_replication_slot('" + SLOT + "')"))
                .as("a slot being read cannot be dropped").isInstanceOf(SQLException.class)
                .hasMessageContaining("is active");

        // 1. Stop the connector; the slot goes inactive.
        fx.put("/connectors/" + SOURCE + "/stop");
        assertThat(await(() -> slot("active"), "false"::equals)).isEqualTo("false");
        // 2. Drop it. The doctor sees it missing.
        fx.execute("SELECT pg_drop_replication_slot('" + SLOT + "')");
        assertThat(slot("active")).as("no such slot").isNull();
        Finding missing = fx.doctor.check("postgres.slot");
        assertThat(missing.status()).as(missing.detail()).isEqualTo(Status.FAIL);
        // A change while no slot exists: nothing keeps its WAL for the connector.
        fx.execute("UPDATE product_template SET list_price = 25, write_date = now() WHERE id = 3101");

        // 3. Start the connector again. Its offset points at WAL no slot keeps: with snapshot.mode=when_needed (the
        // shipped source config) it makes a new slot and snapshots the captured tables again, then streams.
        long before = fx.functionTotals().get("Records");
        fx.put("/connectors/" + SOURCE + "/resume");
        fx.rest.awaitRunning(SOURCE, WAIT);
        assertThat(await(() -> slot("active"), "true"::equals)).as("a new slot, read").isEqualTo("true");
        assertThat(await(() -> fx.store.product(3101).get("listPrice").s(), "25.00"::equals))
                .as("the change made without a slot, brought by the new snapshot").isEqualTo("25.00");
        long rows = fx.queryLong("SELECT (SELECT count(*) FROM product_template) + (SELECT count(*) FROM "
                + "product_product) + (SELECT count(*) FROM product_public_category) + (SELECT count(*) FROM "
                + "product_public_category_product_template_rel)");
        assertThat(await(() -> fx.functionTotals().get("Records") - before, n -> n >= rows))
                .as("every captured row sent again").isGreaterThanOrEqualTo(rows);
        fx.execute("INSERT INTO product_template (id, name, list_price, write_date) VALUES "
                + "(3102, '{\"en_US\": \"Bench\"}', 40, now())");
        assertThat(price(3102)).as("then it streams").isEqualTo("40.00");
        assertThat(await(() -> fx.store.differences(), List::isEmpty)).isEmpty();
        Finding healthy = await(() -> fx.doctor.check("postgres.slot"), f -> f.status() == Status.OK);
        assertThat(healthy.status()).as(healthy.detail()).isEqualTo(Status.OK);
    }

    /** The stored listPrice of a product, once it has one. */
    private String price(int id) {
        Map<String, AttributeValue> item = await(() -> fx.store.product(id), i -> i.containsKey("listPrice"));
        return item.get("listPrice").s();
    }

    /** A column of the slot's row in pg_replication_slots (a boolean as true/false); null without the slot. */
    private String slot(String column) throws SQLException {
        return fx.queryString("SELECT " + column + "::text FROM pg_replication_slots WHERE slot_name = '" + SLOT
                + "' UNION ALL SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = '"
                + SLOT + "')");
    }
}
