package com.cdcappsync.upsert.internal.decode;

import com.cdcappsync.upsert.decode.Version;
import java.util.Objects;

/**
 * What the decoder needs to know about the Debezium setup.
 *
 * @param toastPlaceholder  the value Debezium puts in unchanged TOASTed columns
 *                          ({@code unavailable.value.placeholder}; default {@code __debezium_unavailable_value})
 * @param offsetFallback    whether a record without an LSN is versioned by its Kafka offset (see {@link Version})
 */
public record DecoderOptions(String toastPlaceholder, boolean offsetFallback) {

    /** Debezium's default placeholder for unchanged TOASTed values. */
    public static final String DEFAULT_TOAST_PLACEHOLDER = "__debezium_unavailable_value";

    /** Defaults: Debezium's placeholder, and the Kafka-offset fallback on. */
    public static final DecoderOptions DEFAULTS = new DecoderOptions(DEFAULT_TOAST_PLACEHOLDER, true);

    public DecoderOptions {
        Objects.requireNonNull(toastPlaceholder, "toastPlaceholder");
        if (toastPlaceholder.isEmpty()) {
            throw new IllegalArgumentException("toastPlaceholder must not be empty; Debezium's default is "
                    + DEFAULT_TOAST_PLACEHOLDER);
        }
    }
}
