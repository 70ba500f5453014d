package com.successworkshop.engagement.rest;

import com.successworkshop.engagement.application.EngagementQueries;
import com.successworkshop.engagement.application.EngagementViews.TimelineEntryView;
import com.successworkshop.engagement.application.LiveUpdates;
import com.successworkshop.engagement.application.StreamTickets;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import java.util.List;
import java.util.stream.Stream;
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
 * Blocking, because the partner check and the replay read the database before the stream starts. A browser's
 * EventSource authenticates with {@code ?ticket=} (StreamTicketAuthentication) instead of a bearer token.
 */
@Path("/api/v1/engagements")
@Tag(name = "Live updates", description = "Server-sent events of the engagement timeline, in id order on every replica; resumable with Last-Event-ID")
public class LiveUpdatesResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @Inject
    LiveUpdates live;
    @Inject
    EngagementQueries engagements;
    @Inject
    CurrentPartner caller;
    @Inject
    StreamTickets tickets;
    @Inject
    SecurityIdentity identity;
    @Context
    Sse sse;

    @POST
    @Path("/events/tickets")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @ResponseStatus(201)
    @Operation(operationId = "issueStreamTicket", summary = "Exchange the bearer token for a single-use ticket (valid 60 s) that opens one live stream as ?ticket=, for EventSource, which cannot send Authorization")
    public StreamTickets.Ticket ticket() {
        List<String> roles = Stream.of(Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER).filter(identity::hasRole).toList();
        return tickets.issue(caller.partnerId(), caller.actor(), roles);
    }

    @GET
    @Blocking
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @APIResponse(responseCode = "200", description = "One SSE event per timeline entry: id = the entry's id (strictly increasing), event = its kind, data = LiveEvent JSON",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = LiveEvent.class)))
    @Operation(operationId = "streamEngagementEvents", summary = "Live timeline of one engagement (SSE); send Last-Event-ID to resume")
    public Multi<OutboundSseEvent> engagement(@PathParam("id") UUID id, @HeaderParam("Last-Event-ID") String lastEventId,
                                                @QueryParam("ticket") @Parameter(description = "A stream ticket instead of Authorization (EventSource)") String ticket,
                                                @QueryParam("lastEventId") @Parameter(description = "Resume after this id, for a new EventSource (which cannot set Last-Event-ID)") String lastEventIdParam) {
        if (engagements.find(id).isEmpty()) {
            throw ProblemException.notFound("Engagement " + id);
        }
        return events(live.stream(caller.partnerId(), id, parse(lastEventId != null ? lastEventId : lastEventIdParam)));
    }

    @GET
    @Blocking
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.FASTTRACK_MANAGER, Roles.PARTNER_VIEWER})
    @APIResponse(responseCode = "200", description = "One SSE event per timeline entry: id = the entry's id (strictly increasing), event = its kind, data = LiveEvent JSON",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = LiveEvent.class)))
    @Operation(operationId = "streamPartnerEvents", summary = "Live timeline of all the caller's engagements (SSE); send Last-Event-ID to resume")
    public Multi<OutboundSseEvent> partner(@HeaderParam("Last-Event-ID") String lastEventId,
                                                @QueryParam("ticket") @Parameter(description = "A stream ticket instead of Authorization (EventSource)") String ticket,
                                                @QueryParam("lastEventId") @Parameter(description = "Resume after this id, for a new EventSource (which cannot set Last-Event-ID)") String lastEventIdParam) {
        return events(live.stream(caller.partnerId(), null, parse(lastEventId != null ? lastEventId : lastEventIdParam)));
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
