package com.successworkshop.ssat.application;

import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.ssat.domain.ChecklistItem;
import com.successworkshop.ssat.domain.ChecklistState;
import com.successworkshop.ssat.domain.IntendedService;
import com.successworkshop.ssat.domain.PlanAction;
import com.successworkshop.ssat.domain.PlanProgress;
import com.successworkshop.ssat.domain.SsatFactor;
import com.successworkshop.ssat.domain.SsatFactorState;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.SuccessChecklist;
import com.successworkshop.ssat.domain.SuccessMetric;
import com.successworkshop.ssat.repository.MetricMeasurementRepository;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import com.successworkshop.ssat.repository.SuccessMetricRepository;
import com.successworkshop.ssat.repository.SuccessPlanRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the customer takes home (playbook: Outcomes; resources "sample success plan template", "success plan checklist"):
 * the success plan as a document — success definition, metrics with baseline and target, SSAT status and gaps, the
 * actions with owners and dates, and the checklist — as Markdown or as a Word document (DOCX).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SuccessPlanDocument {

    /** The document as sections of headings, paragraphs and tables, rendered the same way into both formats. */
    record Section(String heading, List<String> paragraphs, List<List<String>> table) {
    }

    public record Rendered(String customer, List<Section> sections) {
    }

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    SuccessMetricRepository metrics;
    @Inject
    MetricMeasurementRepository measurements;
    @Inject
    SuccessPlanRepository plans;

    public Rendered build(UUID engagementId) {
        SsatMatrix m = matrices.find(engagementId).orElseThrow(() -> DomainException.notFound("SSAT matrix of engagement " + engagementId));
        SuccessChecklist checklist = plans.checklist(m);
        List<PlanAction> actions = plans.actions(engagementId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Section> sections = new ArrayList<>();

        SuccessChecklist.Entry defined = checklist.items().stream().filter(e -> e.item() == ChecklistItem.SUCCESS_DEFINED).findFirst().orElseThrow();
        PlanProgress progress = PlanProgress.of(actions, today);
        sections.add(new Section("Success definition", List.of(
                "Success defined with the customer: " + state(defined.state()) + ".",
                "Plan progress: " + progress.actionsDone() + " of " + progress.actionsTotal() + " actions done (" + progress.percentDone()
                        + " %), " + progress.actionsOverdue() + " overdue; checklist " + checklist.completenessPercent() + " % complete.",
                "As of " + today + "."), List.of()));

        List<List<String>> metricRows = new ArrayList<>(List.of(List.of("Service", "Metric", "Baseline", "Target", "Latest", "Due", "Owner")));
        for (SuccessMetric metric : metrics.ofEngagement(engagementId)) {
            BigDecimal latest = measurements.latest(metric.id()).map(x -> x.value()).orElse(null);
            metricRows.add(List.of(metric.workload().name(), metric.name(), num(metric.baseline()) + unit(metric), num(metric.target()) + unit(metric),
                    latest == null ? "—" : num(latest) + unit(metric), text(metric.dueDate()), text(metric.owner())));
        }
        sections.add(new Section("Success metrics", metricRows.size() == 1 ? List.of("No success metric defined yet.") : List.of(), metricRows.size() == 1 ? List.of() : metricRows));

        List<List<String>> ssatRows = new ArrayList<>(List.of(List.of("Service", "Stakeholders", "Scenarios", "Awareness", "Training", "Gaps")));
        for (IntendedService s : m.activeServices()) {
            List<String> row = new ArrayList<>(List.of(s.workload().name()));
            List<String> gaps = new ArrayList<>();
            for (SsatFactor f : SsatFactor.values()) {
                SsatFactorState state = s.factor(f);
                row.add(state.status().name());
                if (state.gap() != null && !state.gap().isBlank()) {
                    gaps.add(f.name() + ": " + state.gap());
                }
            }
            row.add(s.noPrerequisitesReason() != null ? "No adoption prerequisites: " + s.noPrerequisitesReason() : String.join("; ", gaps));
            ssatRows.add(row);
        }
        sections.add(new Section("SSAT status and gaps", List.of(), ssatRows));

        List<List<String>> actionRows = new ArrayList<>(List.of(List.of("Action", "Service / factor", "Owner", "Due", "Status", "Gap it closes")));
        for (PlanAction a : actions) {
            if (!a.status().planned()) {
                continue;
            }
            actionRows.add(List.of(a.title(), a.service() == null ? "—" : a.service() + " / " + a.factor(),
                    a.ownerName() == null ? "—" : a.ownerName() + (a.ownerOrganisation() == null ? "" : " (" + a.ownerOrganisation() + ")"),
                    text(a.dueDate()), a.status().name() + (a.statusReason() == null ? "" : ": " + a.statusReason()), text(a.gap())));
        }
        sections.add(new Section("Actions and owners", actionRows.size() == 1 ? List.of("No action accepted into the plan yet.") : List.of(),
                actionRows.size() == 1 ? List.of() : actionRows));

        List<List<String>> checklistRows = new ArrayList<>(List.of(List.of("Item", "State", "By / reason")));
        for (SuccessChecklist.Entry e : checklist.items()) {
            checklistRows.add(List.of(e.item().label(), state(e.state()),
                    e.state() == ChecklistState.NOT_APPLICABLE ? text(e.reason()) : text(e.changedBy())));
        }
        sections.add(new Section("Success-plan checklist (revision " + checklist.revision() + ", " + checklist.completenessPercent() + " % complete)",
                List.of(), checklistRows));
        return new Rendered(Objects.requireNonNullElse(m.customerName(), "the customer"), sections);
    }

    public String markdown(UUID engagementId) {
        Rendered d = build(engagementId);
        StringBuilder md = new StringBuilder("# Success plan — ").append(d.customer()).append("\n");
        for (Section s : d.sections()) {
            md.append("\n## ").append(s.heading()).append("\n\n");
            s.paragraphs().forEach(p -> md.append(p).append("\n\n"));
            for (int i = 0; i < s.table().size(); i++) {
                md.append("| ").append(String.join(" | ", s.table().get(i).stream().map(SuccessPlanDocument::cell).toList())).append(" |\n");
                if (i == 0) {
                    md.append("|").append("---|".repeat(s.table().get(i).size())).append("\n");
                }
            }
        }
        return md.toString();
    }

    public byte[] docx(UUID engagementId) {
        Rendered d = build(engagementId);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().setStyle("Title");
            doc.getParagraphs().getFirst().createRun().setText("Success plan — " + d.customer());
            for (Section s : d.sections()) {
                var heading = doc.createParagraph().createRun();
                heading.setBold(true);
                heading.setFontSize(14);
                heading.setText(s.heading());
                s.paragraphs().forEach(p -> doc.createParagraph().createRun().setText(p));
                if (!s.table().isEmpty()) {
                    XWPFTable table = doc.createTable(s.table().size(), s.table().getFirst().size());
                    for (int r = 0; r < s.table().size(); r++) {
                        XWPFTableRow row = table.getRow(r);
                        for (int c = 0; c < s.table().get(r).size(); c++) {
                            row.getCell(c).setText(s.table().get(r).get(c));
                        }
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String state(ChecklistState s) {
        return switch (s) {
            case OPEN -> "open";
            case CHECKED -> "checked";
            case NOT_APPLICABLE -> "not applicable";
        };
    }

    private static String num(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String unit(SuccessMetric m) {
        return m.unit() == null ? "" : " " + m.unit();
    }

    private static String text(Object o) {
        return o == null ? "—" : o.toString();
    }

    /** A Markdown table cell: a pipe or a line break would end it. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
