package com.cdcappsync.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The website API keys' expiry within AppSync's bounds: 1 to 365 days after creation, counted after AppSync rounds
 * the expiry down to the hour (CreateApiKey, ApiKeyValidityOutOfBoundsException), from a fixed synthesis time.
 */
class ApiKeyExpiryTest {

    private static final Instant ON_THE_HOUR = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant HALF_PAST = Instant.parse("2026-12-07T10:30:00Z");

    @Test
    void expiresAt_validity_roundedDownToTheHour() {
        assertThat(ApiKeyExpiry.expiresAt(Duration.ofDays(30), HALF_PAST))
                .isEqualTo(Instant.parse("2027-01-06T10:00:00Z"));
        assertThat(ApiKeyExpiry.expiresAt(Duration.ofDays(365), HALF_PAST))
                .isEqualTo(Instant.parse("2027-12-07T10:00:00Z"));
    }

    @Test
    void expiresAt_oneDayOnTheHour_accepted() {
        assertThat(ApiKeyExpiry.expiresAt(Duration.ofDays(1), ON_THE_HOUR))
                .isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
    }

    @Test
    void expiresAt_oneDayRoundingBelowADay_refusedWithRangeValueAndFix() {
        assertThatThrownBy(() -> ApiKeyExpiry.expiresAt(Duration.ofDays(1), HALF_PAST))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("apiKeyExpiry = PT24H")
                .hasMessageContaining("1 to 365 days after creation once AppSync rounds it down to the hour")
                .hasMessageContaining("ApiKeyValidityOutOfBoundsException")
                .hasMessageContaining("received 1 day")
                .hasMessageContaining("2026-12-08T10:00:00Z, 0 days 23 h 30 min later")
                .hasMessageContaining("give 2 days or more");
    }

    @Test
    void expiresAt_beyond365DaysAfterRounding_refused() {
        assertThatThrownBy(() -> ApiKeyExpiry.expiresAt(Duration.ofDays(365).plusHours(1), HALF_PAST))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("received 365 days 1 h 0 min")
                .hasMessageContaining("365 days 0 h 30 min later")
                .hasMessageContaining("give 365 days or fewer");
    }

    @Test
    void expiresAt_underADayEvenOnTheHour_refused() {
        assertThatThrownBy(() -> ApiKeyExpiry.expiresAt(Duration.ofHours(23), ON_THE_HOUR))
                .isInstanceOf(InfraConfigException.class).hasMessageContaining("received 0 days 23 h 0 min");
    }

    @Test
    void read_apiKeyExpiryDaysOneRoundingBelowADay_failsNamingTheSettingAndValue() {
        assertThatThrownBy(() -> StackConfigReader.read(Map.of("apiKeyExpiryDays", "1"), HALF_PAST))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems()).hasSize(1))
                .hasMessageContaining("context apiKeyExpiryDays='1': expected an API key expiry 1 to 365 days")
                .hasMessageContaining("give 2 days or more (fix or remove it; the default is 365)");
    }

    @Test
    void read_apiKeyExpiryDaysOneOnTheHourAndTwoAnyTime_accepted() {
        assertThat(StackConfigReader.read(Map.of("apiKeyExpiryDays", "1"), ON_THE_HOUR).apiKeyExpiry())
                .isEqualTo(Duration.ofDays(1));
        assertThat(StackConfigReader.read(Map.of("apiKeyExpiryDays", 2), HALF_PAST).apiKeyExpiry())
                .isEqualTo(Duration.ofDays(2));
        assertThat(StackConfigReader.read(Map.of("apiKeyExpiryDays", "365"), HALF_PAST).apiKeyExpiry())
                .isEqualTo(Duration.ofDays(365));
    }

    @Test
    void read_apiKeyExpiryDaysOutside1To365_failsWithTheRangeAndTheValue() {
        for (String value : new String[] {"0", "366", "-3", "1.5", "a year"}) {
            assertThatThrownBy(() -> StackConfigReader.read(Map.of("apiKeyExpiryDays", value), HALF_PAST)).as(value)
                    .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems()).hasSize(1))
                    .hasMessageContaining("context apiKeyExpiryDays='" + value + "': expected a whole number from 1 "
                            + "to 365");
        }
    }
}
