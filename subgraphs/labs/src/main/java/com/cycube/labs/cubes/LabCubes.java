package com.cycube.labs.cubes;

import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** Which cubes a caller may launch a lab for: LAB cubes of published courses their organization can see. */
@Service
public class LabCubes {

    private final TenantScopedMongo scoped;

    public LabCubes(TenantScopedMongo scoped) {
        this.scoped = scoped;
    }

    /**
     * The LAB cube, if it belongs to a published, not archived course visible to the caller's organization (its own
     * or a GLOBAL one). Anything else — unknown, not a LAB cube, an archived course, another organization's private
     * course — is NOT_FOUND, exactly like a missing id.
     */
    public LabCubeDocument launchable(Caller caller, String cubeId) {
        return scoped.find(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL,
                        Criteria.where("_id").is(cubeId).and("lab").is(true).and("archived").ne(true), Sort.unsorted(), null, LabCubeDocument.class)
                .stream().findFirst().orElseThrow(() -> DomainException.notFound("Cube", cubeId));
    }
}
