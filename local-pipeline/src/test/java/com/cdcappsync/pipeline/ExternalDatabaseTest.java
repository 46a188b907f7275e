package com.cdcappsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExternalDatabaseTest {

    @Test
    void parse_fullUrl_readsEveryPartAndDecodesThePassword() {
        ExternalDatabase db = ExternalDatabase.parse("postgresql://debezium:p%40ss@db.example:6432/odoo");

        assertThat(db.host()).isEqualTo("db.example");
        assertThat(db.port()).isEqualTo(6432);
        assertThat(db.database()).isEqualTo("odoo");
        assertThat(db.debeziumUser()).isEqualTo("debezium");
        assertThat(db.debeziumPassword()).isEqualTo("p@ss");
        assertThat(db.toString()).doesNotContain("p@ss");
    }

    @Test
    void parse_jdbcPrefixAndNoPort_takesTheDefaultPort() {
        assertThat(ExternalDatabase.parse("jdbc:postgresql://u:p@localhost/shop").port()).isEqualTo(5432);
    }

    @Test
    void parse_noPassword_namesTheExpectedForm() {
        assertThatThrownBy(() -> ExternalDatabase.parse("postgresql://debezium@localhost:5432/shop"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--postgres-url")
                .hasMessageContaining("postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
    }
}
