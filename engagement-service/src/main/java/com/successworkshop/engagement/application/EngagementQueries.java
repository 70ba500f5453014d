package com.successworkshop.engagement.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.engagement.application.EngagementViews.CheckInsView;
import com.successworkshop.engagement.application.EngagementViews.EligibilityView;
import com.successworkshop.engagement.application.EngagementViews.EngagementView;
import com.successworkshop.engagement.application.EngagementViews.TimelineEntryView;
import com.successworkshop.engagement.domain.Engagement;
import com.successworkshop.engagement.domain.EngagementCriteria;
import com.successworkshop.engagement.repository.EligibilityDecisionRepository;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.engagement.repository.TimelineRepository;
import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.application.Rendered;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the caller's engagements: one, a filtered page, eligibility history, check-ins and timeline. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EngagementQueries {

    @Inject
    EngagementRepository engagements;
    @Inject
    EligibilityDecisionRepository decisions;
    @Inject
    TimelineRepository timeline;
    @Inject
    ObjectMapper mapper;

    /** One statement: the engagement with its intended services, read-only, its plan cached (see {@link EngagementRepository#read}). */
    public Optional<EngagementView> find(UUID id) {
        return engagements.read(id).map(EngagementMapper::view);
    }

    /**
     * The engagement as GET answers it: the view rendered at its current version when there is one (one statement, no
     * hydration, no JSON to write; kept in PostgreSQL so every replica reads it and checked against the version so none
     * serves a stale one), else rendered from the aggregate now and kept for the next read.
     */
    public Optional<Rendered<EngagementView>> rendered(UUID id) {
        Optional<Rendered<EngagementView>> kept = engagements.renderedView(id);
        if (kept.isPresent()) {
            return kept;
        }
        return find(id).map(view -> {
            String json = json(view);
            engagements.keepRenderedView(view.id(), view.version(), json);
            return new Rendered<>(json, view.version());
        });
    }

    private String json(EngagementView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the view of engagement " + view.id() + " is not serialisable", e);
        }
    }

    public PageView<EngagementView> list(EngagementCriteria criteria, Sort sort, int page, int size) {
        return PageView.of(engagements.search(criteria, sort), page, size, EngagementMapper::view);
    }

    /** Newest first. */
    public Optional<List<EligibilityView>> eligibilityHistory(UUID id) {
        return mine(id).map(e -> decisions.history(e.id()).stream().map(EngagementMapper::view).toList());
    }

    public Optional<CheckInsView> checkIns(UUID id, int count) {
        return mine(id).map(e -> EngagementMapper.view(e.checkIns(), count));
    }

    /** Oldest first. */
    public Optional<PageView<TimelineEntryView>> timeline(UUID id, int page, int size) {
        return mine(id).map(e -> PageView.of(timeline.find("engagementId", Sort.ascending("id"), e.id()), page, size, EngagementMapper::view));
    }

    private Optional<Engagement> mine(UUID id) {
        return engagements.find(id);
    }
}
