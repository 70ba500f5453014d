package com.successworkshop.ssat.application;

import com.successworkshop.ssat.domain.FactorStatus;
import com.successworkshop.ssat.domain.IntendedService;
import com.successworkshop.ssat.domain.SsatFactor;
import com.successworkshop.ssat.domain.SsatFactorState;
import com.successworkshop.ssat.domain.SsatMatrix;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Matrix operations shared by the API and the event consumer: adding rows and publishing readiness. */
@ApplicationScoped
public class MatrixSupport {

    @Inject
    OutboxWriter outbox;

    /** A new intended service starts with the four factors NOT_STARTED (playbook: Capture SSAT). */
    public IntendedService addService(SsatMatrix m, Workload workload, Instant at) {
        IntendedService s = new IntendedService();
        s.id = UUID.randomUUID();
        s.matrix = m;
        s.workload = workload;
        s.addedAt = at;
        for (SsatFactor f : SsatFactor.values()) {
            SsatFactorState state = new SsatFactorState();
            state.id = UUID.randomUUID();
            state.service = s;
            state.factor = f;
            state.status = FactorStatus.NOT_STARTED;
            s.factors.add(state);
        }
        m.services.add(s);
        return s;
    }

    /** Published on creation, on every change of services or factors: engagement-service's workshop gate reads it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishReadiness(SsatMatrix m) {
        outbox.append("SsatReadinessChanged", m.engagementId.toString(), SsatMapper.readinessEvent(m));
    }

    /** A new updatedAt makes the matrix dirty, so a change to child rows alone still moves its version (ETag). */
    public void touch(SsatMatrix m) {
        m.updatedAt = Instant.now();
    }
}
