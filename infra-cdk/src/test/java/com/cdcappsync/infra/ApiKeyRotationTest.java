package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.infra.config.InfraConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook's API key rotation, step by step, as the templates CloudFormation would deploy: the key of a stack
 * deployed before keys had names is kept (same logical id, so the same key), a second name adds a key next to it,
 * and dropping the old name removes the old key only. CloudFormation updates a key's {@code Expires} in place and
 * replaces a key only when its {@code ApiId} changes (AWS::AppSync::ApiKey, "Update requires"; AWS CloudFormation
 * Template Reference), so the logical ids below decide which key websites keep.
 */
class ApiKeyRotationTest {

    /** The logical id of the key every stack deployed so far has: {@code Sync/Api/WebsiteApiKey}. */
    private static final String FIRST_KEY = "SyncApiWebsiteApiKey9E83AE41";

    private static Map<String, JsonNode> keys(SynthesizedStack synth) {
        Map<String, JsonNode> keys = new TreeMap<>();
        synth.json().path("Resources").properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::AppSync::ApiKey")) {
                keys.put(e.getKey(), e.getValue());
            }
        });
        return keys;
    }

    /** The {@code ApiKeyIds} output's value with each key's attribute written {@code <logicalId>}. */
    private static String keyIdsOutput(SynthesizedStack synth) {
        return render(synth.json().path("Outputs").path("ApiKeyIds").path("Value"));
    }

    private static String render(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.has("Fn::GetAtt")) {
            return "<" + value.path("Fn::GetAtt").get(0).asText() + ">";
        }
        JsonNode join = value.path("Fn::Join");
        List<String> parts = new ArrayList<>();
        join.get(1).forEach(p -> parts.add(render(p)));
        return String.join(join.get(0).asText(), parts);
    }

    @Test
    void defaultContext_oneKeyWithTheLogicalIdOfEarlierDeploys(@TempDir Path dir) {
        SynthesizedStack synth = SynthesizedStack.synthesize(dir, Map.of());

        assertThat(keys(synth)).containsOnlyKeys(FIRST_KEY);
        assertThat(synth.json().path("Outputs").path("ApiKeyId").path("Value").path("Fn::GetAtt").get(0).asText())
                .isEqualTo(FIRST_KEY);
        assertThat(keyIdsOutput(synth)).isEqualTo("Website=<" + FIRST_KEY + ">");
    }

    @Test
    void rotation_addThenRemoveAName_keepsTheOldKeyUntilItsNameIsRemoved(@TempDir Path dir) {
        SynthesizedStack both = SynthesizedStack.synthesize(dir.resolve("both"), Map.of("websiteApiKeys",
                "Website,Website2027"));

        Map<String, JsonNode> keys = keys(both);
        assertThat(keys).hasSize(2).containsKey(FIRST_KEY);
        String newKey = keys.keySet().stream().filter(k -> !k.equals(FIRST_KEY)).findFirst().orElseThrow();
        assertThat(newKey).startsWith("SyncApiWebsite2027ApiKey");
        JsonNode added = keys.get(newKey);
        assertThat(added.path("Properties").path("Expires")).isEqualTo(keys.get(FIRST_KEY).path("Properties")
                .path("Expires"));
        assertThat(added.path("Properties").path("ApiId")).isEqualTo(keys.get(FIRST_KEY).path("Properties")
                .path("ApiId"));
        assertThat(added.path("DependsOn").toString()).contains("SyncApiSchema");
        assertThat(both.json().path("Outputs").path("ApiKeyId").path("Value").path("Fn::GetAtt").get(0).asText())
                .as("the websites' key is the new one").isEqualTo(newKey);
        assertThat(keyIdsOutput(both)).isEqualTo("Website=<" + FIRST_KEY + ">,Website2027=<"
                + newKey + ">");

        SynthesizedStack after = SynthesizedStack.synthesize(dir.resolve("after"), Map.of("websiteApiKeys",
                "Website2027"));

        assertThat(keys(after)).containsOnlyKeys(newKey);
        assertThat(after.json().toString()).doesNotContain(FIRST_KEY);
    }

    @Test
    void websiteApiKeys_invalid_failsNamingTheSetting(@TempDir Path dir) {
        for (String value : List.of("", "website", "Website,Website", "A,B,C,D", "Web-site")) {
            assertThatThrownBy(() -> SynthesizedStack.synthesize(dir.resolve("k" + value.hashCode()),
                    Map.of("websiteApiKeys", value))).as(value).isInstanceOf(InfraConfigException.class)
                    .hasMessageContaining("websiteApiKeys").hasMessageContaining("1-3 comma-separated names");
        }
    }
}
