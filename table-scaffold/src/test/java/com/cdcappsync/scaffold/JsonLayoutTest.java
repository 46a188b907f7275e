package com.cdcappsync.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JsonLayoutTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void write_repositoryApiJson_reproducesTheFileByteForByte() throws Exception {
        String text = Files.readString(RepositoryFiles.repositoryApi());

        assertThat(JsonLayout.write(mapper.readTree(text))).isEqualTo(text);
    }

    @Test
    void write_packagedMapping_reproducesTheFileByteForByte() throws Exception {
        Path file = RepositoryFiles.repositoryMapping();
        String text = Files.readString(file);

        assertThat(JsonLayout.write(mapper.readTree(text))).isEqualTo(text);
    }
}
