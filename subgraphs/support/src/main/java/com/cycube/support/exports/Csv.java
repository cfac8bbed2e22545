package com.cycube.support.exports;

import java.util.List;

/**
 * The one way exports write CSV (analytics' reports, audit's trail): RFC 4180 (comma, CRLF, double quotes doubled),
 * UTF-8 with a byte-order mark so that spreadsheet applications read accents right. A text cell that a spreadsheet
 * would run as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return — OWASP
 * "CSV injection") is prefixed with a single quote: a name or an action must never become a formula in a reader's
 * spreadsheet. Numbers and booleans are written as they are.
 */
public final class Csv {

    /** The UTF-8 byte-order mark a CSV file starts with. */
    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Csv() {
    }

    /** One record: its cells separated by commas, ended by CRLF. */
    public static String line(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    /** One cell: empty for null, quoted when it must be, a would-be formula defused. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !(value instanceof Boolean) && !text.isEmpty()
                && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
