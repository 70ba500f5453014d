package com.successworkshop.kit.persistence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;
import java.util.UUID;

/** Endpoints that "forget" the partner on purpose: every query here names no partner at all. */
@Path("/kit-notes")
@RolesAllowed("**")
public class KitNoteResource {

    @Inject
    EntityManager em;

    @GET
    public List<String> all() {
        return em.createQuery("select n.text from KitNote n order by n.text", String.class).getResultList();
    }

    @GET
    @Path("/{id}")
    public String one(@PathParam("id") UUID id) {
        KitNote n = em.find(KitNote.class, id);
        if (n == null) {
            throw new NotFoundException();
        }
        return n.text;
    }
}
