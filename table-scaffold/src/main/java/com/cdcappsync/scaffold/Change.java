package com.cdcappsync.scaffold;

import java.util.List;

/**
 * One unit the scaffold would write (a schema block or root field, an api.json entry, a mapping entry) and how it
 * compares with the file.
 *
 * @param file      the file it belongs to, as given
 * @param unit      what it is, e.g. {@code type ProductVariant} or {@code resolver Query.getProductVariant}
 * @param current   its text in the file now, or null when absent
 * @param generated its text as the scaffold writes it
 */
record Change(String file, String unit, String current, String generated) {

    enum Status { ADD, SAME, DIFFERS }

    Status status() {
        if (current == null) {
            return Status.ADD;
        }
        return current.strip().equals(generated.strip()) ? Status.SAME : Status.DIFFERS;
    }

    /** A line diff of this unit: "+" lines added, "-" lines removed, "  " lines kept as they are. */
    String diff() {
        StringBuilder out = new StringBuilder();
        out.append(switch (status()) {
            case ADD -> "add";
            case SAME -> "unchanged";
            case DIFFERS -> "differs (hand edit?)";
        }).append(": ").append(file).append(": ").append(unit).append('\n');
        if (status() == Status.ADD) {
            generated.strip().lines().forEach(l -> out.append("+ ").append(l).append('\n'));
        } else if (status() == Status.DIFFERS) {
            lineDiff(current.strip().lines().toList(), generated.strip().lines().toList(), out);
        }
        return out.toString();
    }

    /** Longest-common-subsequence line diff (units are a few dozen lines). */
    private static void lineDiff(List<String> a, List<String> b, StringBuilder out) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.append("  ").append(a.get(i++)).append('\n');
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.append("+ ").append(b.get(j++)).append('\n');
            } else {
                out.append("- ").append(a.get(i++)).append('\n');
            }
        }
    }
}
