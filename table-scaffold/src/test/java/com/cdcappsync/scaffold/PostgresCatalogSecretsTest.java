package com.cdcappsync.scaffold;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 19 item 8: a --jdbc-url that fails is quoted with its password masked. */
class PostgresCatalogSecretsTest {

    private static final String SECRET = "Hunter2-scaffold";

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://127.0.0.1:1/shop?user=odoo&password=" + SECRET + "&connectTimeout=2",
        "postgresql://odoo:" + SECRET + "@127.0.0.1:1/shop",
        "jdbc:postgresql://odoo:" + SECRET + "@127.0.0.1:1/shop",
    })
    void connect_failingUrlWithPassword_neverQuotesIt(String url) {
        assertThatThrownBy(() -> PostgresCatalog.connect(url, null, null)).isInstanceOf(ScaffoldException.class)
                .hasMessageContaining("cannot connect to").hasMessageNotContaining(SECRET);
    }
}
