package io.mailroom.bench;

/** One line of the Markdown table: which metric of which scenario, and its target if it has one. */
record ReportRow(String title, String scenario, String key, Threshold target) {

    static ReportRow of(String title, String scenario, String key) {
        return new ReportRow(title, scenario, key, null);
    }

    static ReportRow of(String title, String scenario, String key, Threshold target) {
        return new ReportRow(title, scenario, key, target);
    }
}
