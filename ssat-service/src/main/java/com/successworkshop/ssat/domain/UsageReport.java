package com.successworkshop.ssat.domain;

import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.DomainException.InvalidInput.Field;
import com.successworkshop.kit.text.Csv;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Microsoft 365 admin center usage report (playbook: Measuring success, "usage reports"), in one of the two layouts
 * the admin center exports and Microsoft Graph serves as CSV: getOffice365ServicesUserCounts (active and inactive users
 * per service) or getOffice365ActiveUserDetail (one row per user, licences and last activity per service). Either way
 * it yields the active-usage percentage of each service it covers. A report with any wrong line yields nothing.
 */
public record UsageReport(Layout layout, LocalDate reportRefreshDate, int periodDays, List<ServiceUsage> services) {

    public enum Layout {
        SERVICES_USER_COUNTS, ACTIVE_USER_DETAIL
    }

    /** Active users of one service among those who count (active + inactive, or licensed and not deleted). */
    public record ServiceUsage(Workload service, long activeUsers, long users, BigDecimal activePercent) {
    }

    /** More wrong lines than this are not listed: the first ones tell the customer what is wrong. */
    static final int MAX_ERRORS = 20;

    /** The report's column prefix for each service that has a workload code (Skype for Business and Office 365 have none). */
    private static final Map<String, Workload> SERVICES = servicesInReportOrder();

    private static Map<String, Workload> servicesInReportOrder() {
        Map<String, Workload> m = new LinkedHashMap<>();
        m.put("Exchange", Workload.EXO);
        m.put("OneDrive", Workload.OD);
        m.put("SharePoint", Workload.SPO);
        m.put("Yammer", Workload.YAM);
        m.put("Teams", Workload.TEAMS);
        return m;
    }

    private static final String REFRESH = "Report Refresh Date";
    private static final String PERIOD = "Report Period";
    private static final String UPN = "User Principal Name";
    private static final String DELETED = "Is Deleted";

    /** Reads a report as exported: UTF-8 (with or without the byte order mark the admin center writes). */
    public static UsageReport parse(byte[] csv, int detailPeriodDays) {
        return parse(utf8(csv), detailPeriodDays);
    }

    /** Strict UTF-8; the first line with a byte that is not UTF-8 is named, so the customer can find it. */
    static String utf8(byte[] b) {
        if (b.length >= 2 && (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE || b[0] == (byte) 0xFE && b[1] == (byte) 0xFF)) {
            throw invalid(1, "the file is UTF-16; export the report again or save it as CSV UTF-8");
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            throw invalid(1, "this is a workbook (XLSX), not CSV; export the report as CSV");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (b[i] == '\n') {
                    line++;
                }
            }
            throw invalid(line, "is not UTF-8 (byte " + (in.position() + 1) + "); export the report again or save it as CSV UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Reads a report; {@code detailPeriodDays} is the period chosen at export for the per-user layout (its CSV does not
     * carry it): a user is active on a service with a last activity within that many days before the refresh date.
     */
    public static UsageReport parse(String text, int detailPeriodDays) {
        Csv csv = Csv.read(text);
        if (csv.unclosedQuoteLine() > 0) {
            throw invalid(csv.unclosedQuoteLine(), "a quoted field is not closed");
        }
        List<Csv.Line> lines = csv.lines();
        if (lines.isEmpty() || lines.getFirst().blank()) {
            throw invalid(1, "the report is empty; export it from the Microsoft 365 admin center (Reports > Usage) as CSV");
        }
        Header header = new Header(lines.getFirst().cells());
        if (header.has(UPN)) {
            return detail(header, lines, detailPeriodDays);
        }
        if (header.has("Exchange Active")) {
            return counts(header, lines);
        }
        throw invalid(1, "not a Microsoft 365 usage report: expected the columns of getOffice365ServicesUserCounts ("
                + REFRESH + ", Exchange Active, Exchange Inactive, …) or getOffice365ActiveUserDetail (" + REFRESH + ", "
                + UPN + ", Has Exchange License, …)");
    }

    private static UsageReport counts(Header header, List<Csv.Line> lines) {
        List<String> required = new ArrayList<>(List.of(REFRESH, PERIOD));
        SERVICES.keySet().forEach(s -> required.addAll(List.of(s + " Active", s + " Inactive")));
        header.require(required);
        Rows rows = new Rows(header, lines);
        if (rows.count() != 1) {
            throw invalid(rows.count() == 0 ? 2 : rows.get(1).line, "getOffice365ServicesUserCounts has exactly one row of counts; this report has " + rows.count());
        }
        Row row = rows.get(0);
        LocalDate refresh = row.date(REFRESH, true);
        int period = (int) row.count(PERIOD);
        List<ServiceUsage> services = new ArrayList<>();
        SERVICES.forEach((prefix, workload) -> {
            long active = row.count(prefix + " Active");
            long inactive = row.count(prefix + " Inactive");
            if (active + inactive > 0) {
                services.add(usage(workload, active, active + inactive));
            }
        });
        rows.errors.throwIfAny();
        return new UsageReport(Layout.SERVICES_USER_COUNTS, refresh, period, services);
    }

    private static UsageReport detail(Header header, List<Csv.Line> lines, int periodDays) {
        List<String> required = new ArrayList<>(List.of(REFRESH, UPN, DELETED));
        SERVICES.keySet().forEach(s -> required.addAll(List.of("Has " + s + " License", s + " Last Activity Date")));
        header.require(required);
        Rows rows = new Rows(header, lines);
        if (rows.count() == 0) {
            throw invalid(2, "the report has no user rows");
        }
        Map<Workload, long[]> tally = new LinkedHashMap<>();
        LocalDate refresh = null;
        Errors errors = rows.errors;
        for (int i = 0; i < rows.count(); i++) {
            Row row = rows.get(i);
            LocalDate rowRefresh = row.date(REFRESH, true);
            if (refresh == null) {
                refresh = rowRefresh;
            } else if (rowRefresh != null && !rowRefresh.equals(refresh)) {
                errors.add(row.line, REFRESH + " is " + rowRefresh + " but the report was refreshed on " + refresh);
            }
            if (row.bool(DELETED)) {
                continue;
            }
            for (Map.Entry<String, Workload> s : SERVICES.entrySet()) {
                boolean licensed = row.bool("Has " + s.getKey() + " License");
                LocalDate last = row.date(s.getKey() + " Last Activity Date", false);
                if (licensed) {
                    long[] t = tally.computeIfAbsent(s.getValue(), w -> new long[2]);
                    t[1]++;
                    if (last != null && refresh != null && last.isAfter(refresh.minusDays(periodDays))) {
                        t[0]++;
                    }
                }
            }
        }
        errors.throwIfAny();
        List<ServiceUsage> services = tally.entrySet().stream().map(e -> usage(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new UsageReport(Layout.ACTIVE_USER_DETAIL, refresh, periodDays, services);
    }

    private static ServiceUsage usage(Workload w, long active, long users) {
        BigDecimal pct = BigDecimal.valueOf(active * 100).divide(BigDecimal.valueOf(users), 1, RoundingMode.HALF_UP);
        return new ServiceUsage(w, active, users, pct);
    }

    public BigDecimal activePercent(Workload w) {
        return services.stream().filter(s -> s.service() == w).map(ServiceUsage::activePercent).findFirst().orElse(null);
    }

    static DomainException.InvalidInput invalid(int line, String message) {
        return new DomainException.InvalidInput(List.of(new Field("line " + line, message)));
    }

    /** The header line: column positions by name, matched without regard to case or surrounding blanks. */
    private static final class Header {
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final int width;

        Header(List<String> names) {
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(key(names.get(i)), i);
            }
            width = names.size();
        }

        boolean has(String name) {
            return index.containsKey(key(name));
        }

        void require(List<String> names) {
            List<String> missing = names.stream().filter(n -> !has(n)).toList();
            if (!missing.isEmpty()) {
                throw invalid(1, "missing column(s) " + String.join(", ", missing));
            }
        }

        int at(String name) {
            return index.get(key(name));
        }

        private static String key(String name) {
            return name.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** The data lines (blank ones skipped), each with its line number in the file and as many fields as the header. */
    private static final class Rows {
        private final Header header;
        private final List<Row> rows = new ArrayList<>();
        private final Errors errors = new Errors();

        Rows(Header header, List<Csv.Line> lines) {
            this.header = header;
            for (Csv.Line l : lines.subList(1, lines.size())) {
                List<String> fields = l.cells();
                if (l.blank()) {
                    continue;
                }
                if (fields.size() != header.width) {
                    errors.add(l.number(), "has " + fields.size() + " fields; the header has " + header.width);
                }
                rows.add(new Row(this, l.number(), fields));
            }
            errors.throwIfAny();
        }

        int count() {
            return rows.size();
        }

        Row get(int i) {
            return rows.get(i);
        }
    }

    private static final class Row {
        private final Rows rows;
        private final int line;
        private final List<String> fields;
        private final Errors errors;

        Row(Rows rows, int line, List<String> fields) {
            this.rows = rows;
            this.line = line;
            this.fields = fields;
            this.errors = rows.errors;
        }

        String value(String column) {
            return fields.get(rows.header.at(column)).strip();
        }

        long count(String column) {
            String v = value(column);
            try {
                long n = Long.parseLong(v);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            errors.add(line, column + " must be a whole number of users, was \"" + v + "\"");
            return 0;
        }

        LocalDate date(String column, boolean required) {
            String v = value(column);
            if (v.isEmpty()) {
                if (required) {
                    errors.add(line, column + " is empty");
                }
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                errors.add(line, column + " must be a date (yyyy-MM-dd), was \"" + v + "\"");
                return null;
            }
        }

        boolean bool(String column) {
            String v = value(column);
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (!v.equalsIgnoreCase("false") && !v.isEmpty()) {
                errors.add(line, column + " must be True or False, was \"" + v + "\"");
            }
            return false;
        }
    }

    /** Every wrong line of a report, up to MAX_ERRORS, in one 400. */
    private static final class Errors {
        private final List<Field> fields = new ArrayList<>();
        private int total;

        void add(int line, String message) {
            total++;
            if (fields.size() < MAX_ERRORS) {
                fields.add(new Field("line " + line, message));
            }
        }

        void throwIfAny() {
            if (total > fields.size()) {
                fields.add(new Field("report", (total - fields.size()) + " more error(s) after the " + MAX_ERRORS + " listed"));
            }
            if (!fields.isEmpty()) {
                throw new DomainException.InvalidInput(fields);
            }
        }
    }
}
