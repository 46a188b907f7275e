package com.cdcappsync.infra.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads context values as the settings of {@link ContextSettings} describe them, collecting every problem
 * instead of stopping at the first, so that one synth reports them all.
 */
final class ContextReader {

    /** Keys shaped like this app's ({@code memorySize}, {@code tableName.Product}) but unknown are typos. */
    private static final Pattern OUR_KEY_SHAPE = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_]+)?");

    private final Map<String, Object> context;
    private final List<String> problems = new ArrayList<>();

    ContextReader(Map<String, Object> context) {
        this.context = new TreeMap<>(context);
    }

    /** @return the problems found so far, in order */
    List<String> problems() {
        return List.copyOf(problems);
    }

    void problem(ContextSetting setting, String key, String value, String expected) {
        problems.add("context " + key + "=" + quoted(value) + ": expected " + expected.replace("`", "")
                .replace("\\|", "|") + " (" + fix(setting) + ")");
    }

    /** Adds a problem written whole: one that concerns more than one key (e.g. the timeout and handlerEnv). */
    void problem(String text) {
        problems.add(text);
    }

    /** @return the value given for the setting (an empty one included), else its literal default, as text */
    String text(ContextSetting setting) {
        return raw(setting.key()).orElse(setting.literalDefault() ? setting.defaultValue() : "");
    }

    /** @return the value given for the key, as text, when one was given and is not blank */
    Optional<String> given(String key) {
        return raw(key).filter(text -> !text.isEmpty());
    }

    /** @return the value given for the key as text, stripped; whole numbers without a fraction */
    private Optional<String> raw(String key) {
        return Optional.ofNullable(context.get(key)).map(ContextReader::asText);
    }

    private static String asText(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && !Double.isInfinite(number.doubleValue())) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value).strip();
    }

    String matching(ContextSetting setting, Pattern pattern) {
        String value = text(setting);
        if (!pattern.matcher(value).matches()) {
            problem(setting, setting.key(), value, setting.accepted());
            return setting.defaultValue();
        }
        return value;
    }

    Optional<String> optionalMatching(ContextSetting setting, Pattern pattern) {
        Optional<String> value = given(setting.key());
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            problem(setting, setting.key(), value.get(), setting.accepted());
            return Optional.empty();
        }
        return value;
    }

    int intBetween(ContextSetting setting, int min, int max) {
        String value = text(setting);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(setting, setting.key(), value, "a whole number from " + min + " to " + max);
        return Integer.parseInt(setting.defaultValue());
    }

    /**
     * @param unit what the number counts, for the message, e.g. {@code requests per 5 minutes per IP}
     * @return the whole number given for a setting without a literal default, when given and within bounds
     */
    OptionalLong optionalLongBetween(ContextSetting setting, long min, long max, String unit) {
        Optional<String> value = given(setting.key());
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long number = Long.parseLong(value.get());
            if (number >= min && number <= max) {
                return OptionalLong.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(setting, setting.key(), value.get(), "a whole number from " + min + " to " + max + " " + unit);
        return OptionalLong.empty();
    }

    boolean bool(ContextSetting setting) {
        String value = text(setting);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        problem(setting, setting.key(), value, "true or false");
        return Boolean.parseBoolean(setting.defaultValue());
    }

    /** @return suffix → value of every key of a family ({@code tableName.Product} → Product), sorted */
    Map<String, String> family(ContextSetting setting, Pattern suffixPattern, Pattern valuePattern) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : context.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(setting.prefix())) {
                continue;
            }
            String suffix = key.substring(setting.prefix().length());
            String value = asText(entry.getValue());
            if (!suffixPattern.matcher(suffix).matches()) {
                problem(setting, key, value, "a key shaped " + setting.key());
            } else if (!valuePattern.matcher(value).matches()) {
                problem(setting, key, value, setting.accepted());
            } else {
                values.put(suffix, value);
            }
        }
        return values;
    }

    /** Reports keys shaped like this app's that no setting declares (a typo would otherwise pass unseen). */
    void rejectUnknownKeys(List<ContextSetting> settings) {
        for (String key : context.keySet()) {
            boolean known = settings.stream().anyMatch(s -> s.isFamily() ? key.startsWith(s.prefix())
                    : key.equals(s.key()));
            if (!known && OUR_KEY_SHAPE.matcher(key).matches()) {
                problems.add("context " + key + " is not a setting of this app (known: "
                        + String.join(", ", settings.stream().map(ContextSetting::key).toList())
                        + "; see infra-cdk/README.md)");
            }
        }
    }

    private static String fix(ContextSetting setting) {
        return setting.literalDefault()
                ? "fix or remove it; the default is " + setting.defaultValue()
                : "fix it, or remove it for the default: " + setting.defaultValue().replace("`", "");
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }
}
