package com.cycube.analytics.exports;

import java.util.List;

/**
 * A report as a table: a title, column headers and rows of cells (strings, numbers, instants or null). The one shape
 * both file formats are written from, so CSV and XLSX always hold the same data.
 */
public record ReportTable(String title, List<String> headers, List<List<Object>> rows) {

    public ReportTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells under " + headers.size() + " headers");
            }
        }
    }
}
