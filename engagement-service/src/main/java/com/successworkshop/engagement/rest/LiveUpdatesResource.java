package com.successworkshop.engagement.rest;

import com.successworkshop.engagement.application.EngagementQueries;
import com.successworkshop.engagement.application.EngagementViews.TimelineEntryView;
import com.successworkshop.engagement.application.LiveUpdates;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.kit.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.UUID;

/**
 * Server-Sent Events for UIs: each timeline entry as an event whose id is the timeline id (resume with Last-Event-ID).
 * Blocking, because the partner check and the replay read the database before the stream starts.
 */
@Path("/api/v1/engagements")
@Tag(name = "Live updates")
public class LiveUpdatesResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @Inject
    LiveUpdates live;
    @Inject
    EngagementQueries engagements;
    @Inject
    CurrentPartner caller;
    @Context
    Sse sse;

    @GET
    @Blocking
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "streamEngagementEvents", summary = "Live timeline of one engagement (SSE); send Last-Event-ID to resume")
    public Multi<OutboundSseEvent> engagement(@PathParam("id") UUID id, @HeaderParam("Last-Event-ID") String lastEventId) {
        if (engagements.find(id).isEmpty()) {
            throw ProblemException.notFound("Engagement " + id);
        }
        return events(live.stream(caller.partnerId(), id, parse(lastEventId)));
    }

    @GET
    @Blocking
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @Operation(operationId = "streamPartnerEvents", summary = "Live timeline of all the caller's engagements (SSE); send Last-Event-ID to resume")
    public Multi<OutboundSseEvent> partner(@HeaderParam("Last-Event-ID") String lastEventId) {
        return events(live.stream(caller.partnerId(), null, parse(lastEventId)));
    }

    private Multi<OutboundSseEvent> events(Multi<LiveUpdates.LiveEntry> entries) {
        Multi<OutboundSseEvent> data = entries.map(e -> sse.newEventBuilder()
                .id(String.valueOf(e.entry().id()))
                .name(e.entry().kind())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(new LiveEvent(e.engagementId(), e.entry()))
                .build());
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(data, heartbeat);
    }

    public record LiveEvent(UUID engagementId, TimelineEntryView entry) {
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Last-Event-ID", "must be the id of an event this stream sent");
        }
    }
}
