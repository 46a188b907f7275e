package com.cdcappsync.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TombstoneLifetimeOptionsTest {

    private static final Path API_DIR = Path.of("..", "graphql-schema");

    @Test
    void get_apiDirOfThisRepository_readsTheDeleteResolversTtlSeconds() {
        TombstoneLifetime lifetime = parse("--api-dir", API_DIR.toString());

        assertThat(lifetime.get()).isEqualTo(Duration.ofDays(30)).isEqualTo(TombstoneLifetime.DEFAULT);
        assertThat(lifetime.source()).contains("delete.request.vtl");
    }

    @Test
    void get_noOption_defaultsToThirtyDays() {
        assertThat(parse().get()).isEqualTo(Duration.ofDays(30));
        assertThat(parse("--tombstone-ttl", "P10D").get()).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void get_bothOptions_failsNamingBoth() {
        TombstoneLifetime lifetime = parse("--api-dir", API_DIR.toString(), "--tombstone-ttl", "P30D");

        assertThatThrownBy(lifetime::get).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--api-dir and --tombstone-ttl both given");
    }

    @Test
    void fromResolver_noTtlLine_failsNamingTheFileAndTheFix(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("resolvers"));
        Files.writeString(dir.resolve("resolvers/delete.request.vtl"), "#set($ttl = 5)\n");

        assertThatThrownBy(() -> parse("--api-dir", dir.toString()).get())
                .hasMessageContaining("delete.request.vtl has no line #set($ttlSeconds")
                .hasMessageContaining("--tombstone-ttl");
    }

    @Test
    void fromResolver_productOfFactors_evaluated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("delete.request.vtl");
        Files.writeString(file, "#set($x = 1)\n#set($ttlSeconds = 2 * 24 * 60 * 60)\n");

        assertThat(TombstoneLifetime.fromResolver(file)).isEqualTo(Duration.ofDays(2));
        assertThat(TombstoneLifetime.human(Duration.ofDays(2))).isEqualTo("2 d");
        assertThat(TombstoneLifetime.human(Duration.ofHours(36))).isEqualTo("36 h");
    }

    private static TombstoneLifetime parse(String... args) {
        return CommandLine.populateCommand(new TombstoneLifetime(), args);
    }
}
