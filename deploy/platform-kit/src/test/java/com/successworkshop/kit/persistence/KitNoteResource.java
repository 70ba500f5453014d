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

    /** The hot-read path: the filter off, the partner named in the query; then a query that forgets it, filtered again. */
    @GET
    @Path("/{id}/unfiltered")
    public List<String> unfiltered(@PathParam("id") UUID id) {
        List<String> one = PartnerScope.unfiltered(em, () -> em.createQuery("select n.text from KitNote n where n.id = :id and "
                + PartnerScope.condition("n"), String.class).setParameter("id", id).setParameter(PartnerScope.PARAMETER, PartnerScope.current())
                .getResultList());
        if (one.isEmpty()) {
            throw new NotFoundException();
        }
        List<String> after = new java.util.ArrayList<>(one);
        after.addAll(all());
        return after;
    }
}
