package com.successworkshop.kit.text;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 text as spreadsheets and the Microsoft 365 admin center export it: quoted cells may hold commas, doubled
 * quotes and line breaks; CRLF or LF ends a record; a leading byte order mark is not data. Each record keeps the line it
 * starts on, so an import can name the line a customer has to fix.
 *
 * @param unclosedQuoteLine the line of a record whose quoted cell never closes (0 when none): the rest of the file is in it
 */
public record Csv(List<Line> lines, int unclosedQuoteLine) {

    public record Line(int number, List<String> cells) {

        /** A line with nothing on it (a trailing newline, a blank line between records). */
        public boolean blank() {
            return cells.size() == 1 && cells.getFirst().isBlank();
        }
    }

    public static Csv read(String text) {
        List<Line> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                out.add(new Line(start, List.copyOf(cells)));
                cells.clear();
                line++;
                start = line;
            } else {
                cell.append(c);
            }
        }
        if (!cells.isEmpty() || !cell.isEmpty()) {
            cells.add(cell.toString());
            out.add(new Line(start, List.copyOf(cells)));
        }
        return new Csv(List.copyOf(out), quoted ? start : 0);
    }
}
