package com.cdcappsync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the real Debezium fixtures bundled into the benchmarks jar. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String setting, String file) {
        String path = "/fixtures/debezium/" + setting + "/" + file;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path + "; settings are the folder names under "
                        + "lambda-upsert/src/test/resources/fixtures/debezium/");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
