package com.cycube.analytics.exports;

import com.cycube.support.exports.Csv;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A report table as CSV ({@link Csv}: RFC 4180, UTF-8 with a byte-order mark, would-be formulas defused). */
final class CsvFormat {

    private CsvFormat() {
    }

    static byte[] write(ReportTable table) {
        StringBuilder csv = new StringBuilder(Csv.line(List.copyOf(table.headers())));
        for (List<Object> row : table.rows()) {
            csv.append(Csv.line(row));
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[Csv.BOM.length + text.length];
        System.arraycopy(Csv.BOM, 0, out, 0, Csv.BOM.length);
        System.arraycopy(text, 0, out, Csv.BOM.length, text.length);
        return out;
    }
}
