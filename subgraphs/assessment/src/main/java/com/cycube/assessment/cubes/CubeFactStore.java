package com.cycube.assessment.cubes;

import com.cycube.support.auth.Caller;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads of the cube read model ({@code cubes}, written by {@link CoursePublishedHandler}) and assessment's own
 * setting on it, the pass mark. Visible: GLOBAL cubes and the caller's organization's (root: all).
 */
@Component
public class CubeFactStore {

    private final TenantScopedMongo tenants;

    public CubeFactStore(TenantScopedMongo tenants) {
        this.tenants = tenants;
    }

    public Optional<CubeFactDocument> find(Caller caller, String cubeId) {
        return tenants.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, cubeId, CubeFactDocument.class);
    }

    public List<CubeFactDocument> findAll(Caller caller, Collection<String> cubeIds) {
        return tenants.findAllById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, cubeIds, CubeFactDocument.class);
    }

    /** Sets the pass mark while the cube still has the owner it was read with. */
    public Optional<CubeFactDocument> setPassMark(Caller caller, CubeFactDocument cube, int passMark) {
        return tenants.update(caller, cube.id(), Criteria.where("organizationId").is(cube.organizationId()),
                new Update().set("passMark", passMark), CubeFactDocument.class);
    }
}
