package com.cdcappsync.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The findings as a table, JSON, or the Prometheus text exposition format. */
public final class Report {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Report() {
    }

    /** One line per check: status, name, detail (continued lines indented). */
    public static String table(List<Finding> findings) {
        int width = findings.stream().mapToInt(f -> f.check().length()).max().orElse(5);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-7s  %-" + width + "s  %s%n", "STATUS", "CHECK", "DETAIL"));
        for (Finding f : findings) {
            String indent = " ".repeat(9 + width + 2);
            out.append(String.format("%-7s  %-" + width + "s  %s%n", f.status(), f.check(),
                    f.detail().replace("\n", "\n" + indent)));
        }
        int code = Doctor.exitCode(findings);
        out.append(code == 0 ? "healthy" : code == 1 ? "warning" : "failing").append(" (exit ").append(code)
                .append(")").append(System.lineSeparator());
        return out.toString();
    }

    /** {@code {"status": ..., "exitCode": n, "checks": [{check, status, detail, metrics}]}}. */
    public static String json(List<Finding> findings) {
        ObjectNode root = MAPPER.createObjectNode();
        int code = Doctor.exitCode(findings);
        root.put("status", code == 0 ? "healthy" : code == 1 ? "warning" : "failing");
        root.put("exitCode", code);
        ArrayNode checks = root.putArray("checks");
        for (Finding f : findings) {
            ObjectNode c = checks.addObject();
            c.put("check", f.check());
            c.put("status", f.status().name());
            c.put("detail", f.detail());
            ArrayNode metrics = c.putArray("metrics");
            for (Finding.Sample s : f.samples()) {
                ObjectNode m = metrics.addObject();
                m.put("name", s.name());
                m.set("labels", MAPPER.valueToTree(new TreeMap<>(s.labels())));
                m.put("value", s.value());
            }
        }
        return root.toPrettyString() + System.lineSeparator();
    }

    /**
     * Prometheus text exposition format 0.0.4
     * (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): per metric one
     * {@code # HELP} and one {@code # TYPE} line, then its samples; label values escape {@code \}, {@code "} and
     * newline. Every metric here is a gauge. Also {@code cdc_doctor_check_status} per check
     * (0 ok or skipped, 1 warn, 2 fail).
     */
    public static String prometheus(List<Finding> findings) {
        Map<String, StringBuilder> byName = new TreeMap<>();
        Map<String, String> help = new TreeMap<>();
        for (Finding f : findings) {
            add(byName, help, new Finding.Sample("cdc_doctor_check_status",
                    "0 ok or skipped, 1 warning, 2 failing", Map.of("check", f.check()), f.status().exitCode()));
            f.samples().forEach(s -> add(byName, help, s));
        }
        StringBuilder out = new StringBuilder();
        byName.forEach((name, lines) -> out.append("# HELP ").append(name).append(' ')
                .append(help.get(name).replace("\\", "\\\\").replace("\n", "\\n")).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n").append(lines));
        return out.toString();
    }

    private static void add(Map<String, StringBuilder> byName, Map<String, String> help, Finding.Sample s) {
        help.putIfAbsent(s.name(), s.help());
        StringBuilder lines = byName.computeIfAbsent(s.name(), n -> new StringBuilder());
        lines.append(s.name());
        if (!s.labels().isEmpty()) {
            lines.append('{');
            String sep = "";
            for (var l : new TreeMap<>(s.labels()).entrySet()) {
                lines.append(sep).append(l.getKey()).append("=\"").append(l.getValue().replace("\\", "\\\\")
                        .replace("\"", "\\\"").replace("\n", "\\n")).append('"');
                sep = ",";
            }
            lines.append('}');
        }
        double v = s.value();
        lines.append(' ').append(v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v)
                : Double.toString(v)).append('\n');
    }
}
