package com.successworkshop.task.application;

import com.successworkshop.kit.domain.DomainException.InvalidInput.Field;
import com.successworkshop.kit.text.Csv;
import com.successworkshop.task.domain.TaskTemplate;
import com.successworkshop.task.domain.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the FTOP task export (TSV as in playbook/ftop-tasks.tsv, or CSV with RFC 4180 quoting) into validated rows.
 * Every row is checked before anything is written; all bad rows are reported with their line numbers.
 */
public final class TemplateFile {

    public static final String UNCATEGORISED_PROCESS = "uncategorised";

    public enum Format { TSV, CSV }

    public record Row(int line, String process, String phase, String section, int ftopTaskId, String name, boolean mandatory,
                      String role, String serviceNames, boolean allServices, Set<Workload> services, Integer dueOffsetDays) {
        public String key() {
            return TaskTemplate.key(process, ftopTaskId);
        }

        /** The row as a template version, due {@code dueOffsetDays} after its engagement is known. */
        public TaskTemplate.Definition definition(int dueOffsetDays) {
            return new TaskTemplate.Definition(ftopTaskId, name, mandatory, role, allServices, services, process, phase, section, dueOffsetDays);
        }
    }

    public record Parsed(Format format, List<Row> rows, List<Field> errors) {
    }

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("file", "process"), Map.entry("process", "process"), Map.entry("phase", "phase"),
            Map.entry("step", "section"), Map.entry("section", "section"), Map.entry("taskid", "taskId"),
            Map.entry("ftoptaskid", "taskId"), Map.entry("name", "name"), Map.entry("taskname", "name"),
            Map.entry("mo", "mo"), Map.entry("mandatory", "mo"), Map.entry("role", "role"),
            Map.entry("fasttrackrole", "role"), Map.entry("services", "services"), Map.entry("dueoffsetdays", "dueOffsetDays"));
    private static final List<String> REQUIRED = List.of("process", "section", "taskId", "name", "mo", "role", "services");

    private TemplateFile() {
    }

    public static Format detect(String contentType, String body) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("csv")) {
            return Format.CSV;
        }
        if (ct.contains("tab-separated")) {
            return Format.TSV;
        }
        int nl = body.indexOf('\n');
        String first = nl < 0 ? body : body.substring(0, nl);
        return first.contains("\t") ? Format.TSV : Format.CSV;
    }

    public static Parsed parse(String body, Format format) {
        List<Field> errors = new ArrayList<>();
        List<Record> records = format == Format.TSV ? tsv(body) : csv(body, errors);
        if (records.isEmpty()) {
            errors.add(new Field("line 1", "the file is empty; expected a header line"));
            return new Parsed(format, List.of(), errors);
        }
        Record header = records.get(0);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String h = header.cells().get(i).replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            String name = HEADERS.get(h);
            if (name != null) {
                col.putIfAbsent(name, i);
            }
        }
        List<String> missing = REQUIRED.stream().filter(r -> !col.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            errors.add(new Field("line " + header.line(), "header misses the columns " + missing
                    + " (expected file/process, phase, step/section, task_id, name, M/O, role, services[, due_offset_days])"));
            return new Parsed(format, List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (r.cells().size() != header.cells().size()) {
                problems.add("expected " + header.cells().size() + " columns, found " + r.cells().size());
            }
            String process = cell(r, col, "process");
            String phase = cell(r, col, "phase");
            String section = cell(r, col, "section");
            String taskId = cell(r, col, "taskId");
            String name = cell(r, col, "name");
            String mo = cell(r, col, "mo");
            String role = cell(r, col, "role");
            String services = cell(r, col, "services");
            String offset = cell(r, col, "dueOffsetDays");
            int id = 0;
            try {
                id = Integer.parseInt(taskId);
                if (id <= 0) {
                    problems.add("task_id must be a positive number, got '" + taskId + "'");
                }
            } catch (NumberFormatException e) {
                problems.add("task_id must be a positive number, got '" + taskId + "'");
            }
            if (name.isBlank()) {
                problems.add("name is empty");
            } else if (name.length() > 500) {
                problems.add("name is longer than 500 characters");
            }
            Boolean mandatory = switch (mo.toUpperCase(Locale.ROOT)) {
                case "M", "MANDATORY" -> true;
                case "O", "OPTIONAL" -> false;
                default -> null;
            };
            if (mandatory == null) {
                problems.add("M/O must be M or O, got '" + mo + "'");
            }
            if (role.isBlank() || role.length() > 100) {
                problems.add("role must be 1 to 100 characters");
            }
            if (services.isBlank() || services.length() > 1000) {
                problems.add("services must be 1 to 1000 characters");
            }
            if (process.length() > 200 || section.length() > 200 || phase.length() > 50) {
                problems.add("process and section must be at most 200 characters, phase at most 50");
            }
            Integer dueOffset = null;
            if (!offset.isBlank()) {
                try {
                    dueOffset = Integer.parseInt(offset);
                    if (dueOffset < 0 || dueOffset > 3650) {
                        problems.add("due_offset_days must be between 0 and 3650");
                    }
                } catch (NumberFormatException e) {
                    problems.add("due_offset_days must be a number, got '" + offset + "'");
                }
            }
            // Uncategorised tasks: FTOP tasks not yet placed in the playbook flow land there.
            String proc = known(process) ? process : UNCATEGORISED_PROCESS;
            String sect = known(section) && !section.toLowerCase(Locale.ROOT).startsWith("uncategori") ? section : TaskTemplate.UNCATEGORISED_SECTION;
            String key = TaskTemplate.key(proc, id);
            if (problems.isEmpty() && seen.containsKey(key)) {
                problems.add("task " + id + " of process " + proc + " is already on line " + seen.get(key));
            }
            if (!problems.isEmpty()) {
                errors.add(new Field("line " + r.line(), "line " + r.line() + ": " + String.join("; ", problems)));
                continue;
            }
            seen.put(key, r.line());
            rows.add(new Row(r.line(), proc, known(phase) ? phase : null, sect, id, name, mandatory, role, services,
                    Workload.isAllServices(services), Workload.parseNames(services), dueOffset));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new Field("line 2", "the file has a header but no rows"));
        }
        return new Parsed(format, rows, errors);
    }

    private static boolean known(String value) {
        return !value.isBlank() && !value.equalsIgnoreCase("none") && !value.equalsIgnoreCase("n/a");
    }

    private static String cell(Record r, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= r.cells().size() ? "" : r.cells().get(i).trim();
    }

    private record Record(int line, List<String> cells) {
    }

    private static List<Record> csv(String body, List<Field> errors) {
        Csv csv = Csv.read(body);
        if (csv.unclosedQuoteLine() > 0) {
            int start = csv.unclosedQuoteLine();
            errors.add(new Field("line " + start, "line " + start + ": a quoted cell is not closed"));
        }
        return csv.lines().stream().map(l -> new Record(l.number(), l.cells())).toList();
    }

    private static List<Record> tsv(String body) {
        List<Record> out = new ArrayList<>();
        String[] lines = body.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            out.add(new Record(i + 1, List.of(lines[i].split("\t", -1))));
        }
        return out;
    }
}
