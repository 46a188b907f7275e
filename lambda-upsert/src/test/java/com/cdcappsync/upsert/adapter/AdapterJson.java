package com.cdcappsync.upsert.adapter;

import com.cdcappsync.upsert.internal.adapter.InputAdapter;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Small helpers shared by the adapter tests: parse JSON with the project's mapper, read, cast. */
public final class AdapterJson {

    private AdapterJson() {
    }

    public static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON string literal of {@code text}: quotes added, inner quotes escaped. */
    public static String quote(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Invocation read(String json) {
        return new InputAdapter().read(parse(json));
    }

    public static InputItem.SourceRecord sourceRecord(InputItem item) {
        assertThat(item).isInstanceOf(InputItem.SourceRecord.class);
        return (InputItem.SourceRecord) item;
    }

    public static InputItem.Unreadable unreadable(InputItem item) {
        assertThat(item).isInstanceOf(InputItem.Unreadable.class);
        return (InputItem.Unreadable) item;
    }
}
