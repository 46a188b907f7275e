package com.cdcappsync.upsert.decode;

import static com.cdcappsync.upsert.decode.DecodeSupport.decoder;
import static com.cdcappsync.upsert.decode.DecodeSupport.envelope;
import static com.cdcappsync.upsert.decode.DecodeSupport.json;
import static com.cdcappsync.upsert.decode.DecodeSupport.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.internal.adapter.InputAdapter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The same Debezium record through each input shape decodes to the same change. */
class AdapterToDecoderTest {

    private static final String KEY = "{\"id\":7}";
    private static final String VALUE = envelope("u", "{\"id\":7,\"name\":" + quote("{\"fr_FR\": \"Bureau été\"}")
            + ",\"list_price\":{\"scale\":1,\"value\":\"fQ==\"}}", 24023128L);

    private static ChangeEvent decodeFirst(String invocation) {
        InputItem item = new InputAdapter().read(json(invocation)).items().get(0);
        assertThat(item).isInstanceOf(InputItem.SourceRecord.class);
        return decoder().decode((InputItem.SourceRecord) item);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ChangeEvent confluentObject() {
        return decodeFirst("[{\"payload\":{\"topic\":\"odoo.public.product_template\",\"partition\":0,"
                + "\"offset\":41,\"key\":" + KEY + ",\"value\":" + VALUE + "}}]");
    }

    @Test
    void decode_confluentValueAsString_sameChangeAsObject() {
        ChangeEvent event = decodeFirst("[{\"payload\":{\"topic\":\"odoo.public.product_template\",\"partition\":0,"
                + "\"offset\":41,\"key\":" + quote(KEY) + ",\"value\":" + quote(quote(VALUE)) + "}}]");

        assertThat(event).usingRecursiveComparison().ignoringFields("record").isEqualTo(confluentObject());
    }

    @Test
    void decode_kafkaEventBase64_sameChangeAsConfluentObject() {
        ChangeEvent event = decodeFirst("{\"eventSource\":\"aws:kafka\",\"records\":{"
                + "\"odoo.public.product_template-0\":[{\"topic\":\"odoo.public.product_template\","
                + "\"partition\":0,\"offset\":41,"
                + "\"key\":\"" + base64(KEY) + "\",\"value\":\"" + base64(VALUE) + "\",\"headers\":[]}]}}");

        assertThat(event).usingRecursiveComparison().ignoringFields("record").isEqualTo(confluentObject());
    }

    @Test
    void decode_kinesisBase64_sameChangeAsConfluentObject() {
        ChangeEvent event = decodeFirst("{\"Records\":[{\"kinesis\":{\"partitionKey\":" + quote(KEY)
                + ",\"sequenceNumber\":\"49590338271490256608559692538361571095921575989136588898\","
                + "\"data\":\"" + base64(VALUE) + "\",\"approximateArrivalTimestamp\":1709288130.5},"
                + "\"eventID\":\"shardId-000000000000:4959\","
                + "\"eventSourceARN\":\"arn:aws:kinesis:us-east-1:123456789012:stream/"
                + "odoo.public.product_template\"}]}");

        assertThat(event).usingRecursiveComparison().ignoringFields("record").isEqualTo(confluentObject());
        assertThat(event.columns().get("name")).isEqualTo("{\"fr_FR\": \"Bureau été\"}");
    }
}
