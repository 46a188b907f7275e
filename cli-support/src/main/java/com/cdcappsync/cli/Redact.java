package com.cdcappsync.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text a tool prints: errors, findings, logs, {@code toString()}, JSON and Prometheus output. Every
 * message that may carry a JDBC URL, a connection string or a command line goes through {@link #secrets(String)}
 * before it leaves the process, so a malformed {@code --postgres-url} never echoes its password.
 */
public final class Redact {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /**
     * {@code password=VALUE} and its kin ({@code sslpassword}, {@code PGPASSWORD}, {@code secret}, {@code token},
     * {@code api_key}...) in a query string, a properties line, a connection string or a command line; the value
     * ends at {@code &}, {@code ;}, {@code ,}, a quote or white space.
     */
    private static final String KEY = "[\\w.-]*(?:password|passwd|pwd|secret|token|api[_.-]?key)[\\w.-]*";
    private static final Pattern KEY_VALUE = Pattern.compile("(?i)(" + KEY + "\\s*=\\s*)[^&;,\\s'\"]+");

    /** The same keys in JSON: {@code "password": "VALUE"}. */
    private static final Pattern JSON_KEY_VALUE = Pattern.compile("(?i)(\"" + KEY + "\"\\s*:\\s*\")[^\"]*\"");

    /**
     * {@code scheme://user:password@host}: the password ends at the last {@code @} before white space, so an
     * unencoded {@code @} or {@code /} in it is masked too (over-masking a malformed URL beats leaking it).
     */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*):\\S*@");

    private Redact() {
    }

    /**
     * A URL as typed, however malformed, fit to quote in an error: everything between the user name's {@code :} and
     * the last {@code @} masked (a password may hold white space, {@code @} or {@code /} when not percent-encoded),
     * then {@link #secrets(String)}.
     *
     * @return null when {@code url} is null
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int slashes = url.indexOf("//");
        int start = slashes < 0 ? 0 : slashes + 2;
        int at = url.lastIndexOf('@');
        int colon = url.indexOf(':', start);
        String masked = at > start && colon >= 0 && colon < at
                ? url.substring(0, colon + 1) + MASK + url.substring(at) : url;
        return secrets(masked);
    }

    /**
     * {@code text} with every password-like value replaced by {@value #MASK}: {@code password=***},
     * {@code postgresql://user:***@host/db}.
     *
     * @return null when {@code text} is null
     */
    public static String secrets(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        masked = JSON_KEY_VALUE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "\""));
        return KEY_VALUE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }
}
