package com.successworkshop.kit.http;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** A versioned read and a write, as the services have them. */
@Path("/kit-etag")
@PermitAll
public class KitEtagResource {

    record Agenda(String title, long version) {
    }

    @GET
    public org.jboss.resteasy.reactive.RestResponse<Agenda> get() {
        return Responses.tagged(new Agenda("Success workshop agenda", 7), "7");
    }

    @POST
    public Response post(String body) {
        return Response.status(201).build();
    }
}
