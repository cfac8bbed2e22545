package com.cycube.analytics.certificates;

import static com.cycube.analytics.readmodel.Figure.path;

import com.cycube.analytics.readmodel.AggregateKey;
import com.cycube.analytics.readmodel.Contribution;
import com.cycube.analytics.readmodel.Contributions;
import com.cycube.analytics.readmodel.EntityStore;
import com.cycube.analytics.readmodel.EntityType;
import com.cycube.analytics.readmodel.FieldKeys;
import com.cycube.analytics.readmodel.Figure;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Certificates as entities of the read model: counted for the organization and the learner, listed in reports. */
@Component
public class Certificates implements EntityType<CertificateState> {

    public static final String COLLECTION = "certificate_facts";

    private final EntityStore store;

    public Certificates(EntityStore store) {
        this.store = store;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<CertificateState> stateClass() {
        return CertificateState.class;
    }

    @Override
    public String what() {
        return "The certificate";
    }

    public void issued(String eventId, CertificateState certificate) {
        store.apply(this, certificate.certificateId(), certificate.organizationId(), eventId,
                current -> current.orElse(certificate));
    }

    /** A learner's certificates, newest first. */
    public List<CertificateState> ofLearner(String organizationId, String userId) {
        return store.findAll(this, Query.query(Criteria.where("organizationId").is(organizationId)
                .and("state.userId").is(userId)).with(Sort.by(Sort.Direction.DESC, "state.issuedAt")));
    }

    @Override
    public List<Contribution> contributions(CertificateState certificate) {
        Contributions result = new Contributions();
        for (AggregateKey target : List.of(AggregateKey.organization(certificate.organizationId()),
                AggregateKey.learner(certificate.organizationId(), certificate.userId()))) {
            result.add(target, Figure.CERTIFICATES, 1);
            result.add(target, path(Figure.WEEKS, FieldKeys.week(certificate.issuedAt()), Figure.CERTIFICATES), 1);
        }
        return result.list();
    }
}
