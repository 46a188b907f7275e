package com.cdcappsync.upsert.internal.decode;

import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.Version;
import static com.cdcappsync.upsert.decode.DecodeSupport.decode;
import static com.cdcappsync.upsert.decode.DecodeSupport.decoder;
import static com.cdcappsync.upsert.decode.DecodeSupport.envelope;
import static com.cdcappsync.upsert.decode.DecodeSupport.json;
import static com.cdcappsync.upsert.decode.DecodeSupport.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The version rule (Version's Javadoc): the LSN, else the Kafka offset where allowed, else a rejection. */
class VersionRuleTest {

    private static final String KEY = "{\"id\":7}";
    private static final String KINESIS_SEQUENCE = "49590338271490256608559692538361571095921575989136588898";
    private static final DecoderOptions NO_FALLBACK =
            new DecoderOptions(DecoderOptions.DEFAULT_TOAST_PLACEHOLDER, false);

    @Test
    void decode_envelopeWithSourceLsn_versionIsLsn() {
        ChangeEvent event = decode(KEY, envelope("c", "{\"id\":7}", 24023128L));

        assertThat(event.version()).isEqualTo(new Version(24023128L, Version.Source.LSN));
    }

    @Test
    void decode_deleteWithSourceLsn_versionIsLsn() {
        ChangeEvent event = decode(KEY, envelope("d", "null", 24023200L));

        assertThat(event.version()).isEqualTo(new Version(24023200L, Version.Source.LSN));
    }

    @Test
    void decode_flattenedLsnNumber_versionIsLsn() {
        ChangeEvent event = decode(KEY, "{\"id\":7,\"__lsn\":24023128}");

        assertThat(event.version()).isEqualTo(new Version(24023128L, Version.Source.LSN));
    }

    @Test
    void decode_flattenedLsnNumericString_versionIsLsn() {
        ChangeEvent event = decode(KEY, "{\"id\":7,\"__lsn\":\"24023128\"}");

        assertThat(event.version()).isEqualTo(new Version(24023128L, Version.Source.LSN));
    }

    @Test
    void decode_noLsnWithOffsetFallback_versionIsOffsetPlusOne() {
        ChangeEvent event = decoder().decode(record("odoo.public.product_template", "41", json(KEY),
                json("{\"id\":7,\"name\":\"Desk\"}")));

        assertThat(event.version()).isEqualTo(new Version(42L, Version.Source.KAFKA_OFFSET));
    }

    @Test
    void decode_offsetZeroWithFallback_versionIsOne() {
        ChangeEvent event = decoder().decode(record("odoo.public.product_template", "0", json(KEY),
                json(envelope("c", "{\"id\":7}", null))));

        assertThat(event.version()).isEqualTo(new Version(1L, Version.Source.KAFKA_OFFSET));
    }

    @Test
    void decode_envelopeWithNullLsnAndFallback_versionIsOffset() {
        ChangeEvent event = decode(KEY, "{\"op\":\"c\",\"after\":{\"id\":7},\"source\":{\"lsn\":null}}");

        assertThat(event.version()).isEqualTo(new Version(42L, Version.Source.KAFKA_OFFSET));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "\"0\"", "\"0/16B3748\"", "12.5", "true", "{\"x\":1}", "\"\""})
    void decode_lsnPresentButNotAPositiveInteger_rejectedAsMalformedNeverGivenTheOffset(String lsn) {
        assertThatThrownBy(() -> decode(KEY, "{\"id\":7,\"__lsn\":" + lsn + "}"))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("the LSN (source.lsn, or __lsn on flattened events) is a JSON ")
                .hasMessageContaining("VERSION_FALLBACK=kafka-offset");
    }

    @Test
    void decode_malformedLsn_messageDoesNotCopyTheValue() {
        assertThatThrownBy(() -> decode(KEY, "{\"op\":\"c\",\"after\":{\"id\":7},\"source\":{\"lsn\":\"Secret-42\"}}"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("a JSON string of 9 characters")
                .hasMessageNotContaining("Secret");
    }

    @Test
    void decode_noLsnWithoutFallback_throwsNamingBothFixes() {
        DebeziumDecoder strict = decoder(NO_FALLBACK);

        assertThatThrownBy(() -> strict.decode(record(json(KEY), json("{\"id\":7,\"__op\":\"u\"}"))))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("the event has no LSN (source.lsn, or __lsn on flattened events);")
                .hasMessageContaining("add.fields")
                .hasMessageContaining("VERSION_FALLBACK=kafka-offset");
    }

    @Test
    void decode_envelopeWithoutLsnWithoutFallback_throws() {
        DebeziumDecoder strict = decoder(NO_FALLBACK);

        assertThatThrownBy(() -> strict.decode(record(json(KEY), json(envelope("u", "{\"id\":7}", null)))))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("VERSION_FALLBACK");
    }

    @Test
    void decode_lsnWithoutFallback_versionIsLsn() {
        ChangeEvent event = decoder(NO_FALLBACK).decode(record(json(KEY), json(envelope("u", "{\"id\":7}", 9L))));

        assertThat(event.version()).isEqualTo(new Version(9L, Version.Source.LSN));
    }

    @Test
    void decode_kinesisSequenceWithoutLsn_throwsNoNumericOffset() {
        assertThatThrownBy(() -> decoder().decode(record("odoo.public.product_template", KINESIS_SEQUENCE,
                json(KEY), json(envelope("c", "{\"id\":7}", null)))))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("and no numeric Kafka offset")
                .hasMessageContaining("add.fields");
    }

    @Test
    void decode_kinesisSequenceWithLsn_versionIsLsn() {
        ChangeEvent event = decoder().decode(record("odoo.public.product_template", KINESIS_SEQUENCE, json(KEY),
                json(envelope("c", "{\"id\":7}", 24023128L))));

        assertThat(event.version()).isEqualTo(new Version(24023128L, Version.Source.LSN));
    }

    @Test
    void version_compareTo_ordersByValue() {
        List<Version> versions = new ArrayList<>(List.of(new Version(30, Version.Source.LSN),
                new Version(5, Version.Source.LSN), new Version(12, Version.Source.LSN)));
        Collections.sort(versions);

        assertThat(versions).extracting(Version::value).containsExactly(5L, 12L, 30L);
    }

    @Test
    void toString_version_isTheNumber() {
        assertThat(new Version(24023128L, Version.Source.LSN)).hasToString("24023128");
    }
}
