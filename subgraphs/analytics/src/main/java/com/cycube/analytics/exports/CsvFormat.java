package com.cycube.analytics.exports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * CSV as RFC 4180 describes it (comma, CRLF, double quotes doubled), UTF-8 with a byte-order mark so that spreadsheet
 * applications read accents right. A text cell that a spreadsheet would run as a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return — OWASP "CSV injection") is prefixed with a single quote: a
 * learner's display name must never become a formula in their manager's spreadsheet.
 */
final class CsvFormat {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvFormat() {
    }

    static byte[] write(ReportTable table) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.copyOf(table.headers()));
        for (List<Object> row : table.rows()) {
            line(csv, row);
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value instanceof Instant instant ? instant.toString() : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
