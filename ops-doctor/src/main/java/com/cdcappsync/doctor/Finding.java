package com.cdcappsync.doctor;

import com.cdcappsync.cli.Redact;
import java.util.List;
import java.util.Map;

/**
 * One check's outcome.
 *
 * @param check   what was checked, e.g. {@code postgres.slot}
 * @param status  the verdict
 * @param detail  what was seen and, when not OK, what to do; any password in it masked ({@link Redact}), as a
 *                failure may quote a URL
 * @param samples the numbers behind it, exposed as Prometheus metrics by {@code --serve}
 */
public record Finding(String check, Status status, String detail, List<Sample> samples) {

    public Finding {
        detail = Redact.secrets(detail);
        samples = List.copyOf(samples);
    }

    static Finding of(String check, Status status, String detail, Sample... samples) {
        return new Finding(check, status, detail, List.of(samples));
    }

    static Finding skipped(String check, String reason) {
        return of(check, Status.SKIPPED, reason);
    }

    /**
     * One metric sample.
     *
     * @param name   the metric name (documented in the README), e.g. {@code cdc_doctor_slot_retained_wal_bytes}
     * @param help   its HELP text
     * @param labels its labels, in order
     * @param value  its value
     */
    public record Sample(String name, String help, Map<String, String> labels, double value) {
        public Sample {
            labels = Map.copyOf(labels);
        }
    }
}
