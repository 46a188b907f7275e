package com.cdcappsync.upsert.testing;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.RecordLocation;
import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.Operation;
import com.cdcappsync.upsert.decode.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Builds decoded change events for tests of the stages after the decoder. */
public final class Events {

    private Events() {
    }

    public static InputItem.SourceRecord record(int index, long offset) {
        return new InputItem.SourceRecord(index, new RecordLocation("odoo.public.product_template", "0",
                Long.toString(offset)), 1_700_000_000_000L, null, null, Map.of());
    }

    public static ChangeEvent upsert(int index, String table, long id, long version, Map<String, Object> columns) {
        return upsert(index, table, id, version, columns, Set.of());
    }

    public static ChangeEvent upsert(int index, String table, long id, long version, Map<String, Object> columns,
                                     Set<String> unknown) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.putAll(columns);
        return new ChangeEvent(record(index, index).ref(), "public", table, Operation.UPSERT, 'u', Map.of("id", id),
                row,
                unknown, new Version(version, Version.Source.LSN), 1_700_000_000_000L, null);
    }

    public static ChangeEvent delete(int index, String table, long id, long version) {
        return new ChangeEvent(record(index, index).ref(), "public", table, Operation.DELETE, 'd', Map.of("id", id),
                Map.of(), Set.of(), new Version(version, Version.Source.LSN), 1_700_000_000_000L, null);
    }

    /** A visible Odoo product row. */
    public static Map<String, Object> product(String nameJson, String price) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", nameJson);
        row.put("list_price", new java.math.BigDecimal(price));
        row.put("active", true);
        row.put("sale_ok", true);
        row.put("default_code", "D-1");
        row.put("categ_id", 2L);
        return row;
    }
}
