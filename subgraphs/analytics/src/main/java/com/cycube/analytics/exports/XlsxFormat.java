package com.cycube.analytics.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX through FastExcel (a small streaming writer): one sheet named after the report, a bold frozen header row,
 * numbers as numbers and instants as date-times (UTC), so the manager can sort, filter and chart at once. Text is
 * always written as text, never as a formula.
 */
final class XlsxFormat {

    private XlsxFormat() {
    }

    static byte[] write(ReportTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "CyCube", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(table.title()));
            List<String> headers = table.headers();
            for (int column = 0; column < headers.size(); column++) {
                sheet.value(0, column, headers.get(column));
                sheet.style(0, column).bold().set();
            }
            sheet.freezePane(0, 1);
            int rowNumber = 1;
            for (List<Object> row : table.rows()) {
                for (int column = 0; column < row.size(); column++) {
                    write(sheet, rowNumber, column, row.get(column));
                }
                rowNumber++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Worksheet sheet, int row, int column, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number number) {
            sheet.value(row, column, number);
        } else if (value instanceof Boolean bool) {
            sheet.value(row, column, bool);
        } else if (value instanceof Instant instant) {
            sheet.value(row, column, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            sheet.style(row, column).format("yyyy-mm-dd hh:mm").set();
        } else {
            sheet.value(row, column, value.toString());
        }
    }

    /** Excel's rules: at most 31 characters, none of {@code []:*?/\}. */
    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return name.isEmpty() ? "Report" : name.length() > 31 ? name.substring(0, 31) : name;
    }
}
