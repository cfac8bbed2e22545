package com.cycube.labs.cubes;

import com.cycube.support.auth.Caller;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** Reads of {@code lab_cubes} for requests (written only by {@link CoursePublishedHandler}). */
@Component
public class LabCubeStore {

    private final TenantScopedMongo scoped;

    public LabCubeStore(TenantScopedMongo scoped) {
        this.scoped = scoped;
    }

    /**
     * The LAB cube, if it belongs to a published, not archived course visible to the caller's organization (its own
     * or a GLOBAL one). Anything else — unknown, not a LAB cube, an archived course, another organization's private
     * course — is empty, exactly like a missing id.
     */
    public Optional<LabCubeDocument> findLaunchable(Caller caller, String cubeId) {
        return scoped.find(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL,
                        Criteria.where("_id").is(cubeId).and("lab").is(true).and("archived").ne(true), Sort.unsorted(), null,
                        LabCubeDocument.class)
                .stream().findFirst();
    }

    /**
     * The cube a lab was launched for, as the caller may see it (the lab's organization's own or a GLOBAL one; root:
     * any), pinned to the lab's organization or GLOBAL — whether or not it is still launchable (an archived course's
     * cube is still the same content).
     */
    public Optional<LabCubeDocument> findOfLab(Caller caller, String cubeId, String labOrganizationId) {
        return scoped.find(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL,
                        Criteria.where("_id").is(cubeId).and("organizationId").in(labOrganizationId, null), Sort.unsorted(), null,
                        LabCubeDocument.class)
                .stream().findFirst();
    }
}
