package com.cycube.assessment.cubes;

import com.cycube.assessment.AssessmentProperties;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who may see and who may author the questions of a cube. A cube is visible when its course is GLOBAL or belongs
 * to the caller's organization (root: all); another organization's cube and a cube assessment has not learnt yet
 * look the same: NOT_FOUND. Authors: root for GLOBAL cubes, managers for their organization's cubes.
 */
@Service
public class CubeFactService {

    private final CubeFactStore store;
    private final int defaultPassMark;

    public CubeFactService(CubeFactStore store, AssessmentProperties properties) {
        this.store = store;
        this.defaultPassMark = properties.quiz().defaultPassMark();
    }

    public int defaultPassMark() {
        return defaultPassMark;
    }

    public Optional<CubeFactDocument> visible(Caller caller, String cubeId) {
        if (cubeId == null) {
            return Optional.empty();
        }
        return store.find(caller, cubeId);
    }

    public List<CubeFactDocument> visible(Caller caller, Collection<String> cubeIds) {
        return store.findAll(caller, cubeIds);
    }

    /** True when {@code caller} authors the questions of {@code cube}. */
    public static boolean canAuthor(Caller caller, CubeFactDocument cube) {
        if (caller.isRoot()) {
            return true;
        }
        return caller.hasRole(Role.MANAGER) && cube.organizationId() != null
                && caller.canAccessOrganization(cube.organizationId());
    }

    /**
     * The QUIZ or LAB cube {@code caller} is about to author: FORBIDDEN for trainees, integration clients and
     * managers on GLOBAL cubes; NOT_FOUND for cubes the caller cannot see or assessment does not know;
     * BAD_USER_INPUT for READING cubes.
     */
    public CubeFactDocument requireAuthorable(Caller caller, String cubeId) {
        caller.require(Role.MANAGER, null);
        if (cubeId == null || cubeId.isBlank()) {
            throw DomainException.badInput("cubeId is required");
        }
        CubeFactDocument cube = visible(caller, cubeId).orElseThrow(() -> DomainException.notFound("Cube", cubeId));
        if (!canAuthor(caller, cube)) {
            throw DomainException.forbidden("Only root authors the questions of GLOBAL courses");
        }
        if (!cube.isAssessable()) {
            throw DomainException.badInput("Questions belong to QUIZ and LAB cubes only");
        }
        return cube;
    }

    public CubeFactDocument setPassMark(Caller caller, String cubeId, Integer passMark) {
        if (passMark == null || passMark < 1 || passMark > 100) {
            throw DomainException.badInput("passMark must be between 1 and 100");
        }
        CubeFactDocument cube = requireAuthorable(caller, cubeId);
        return store.setPassMark(caller, cube, passMark).orElseThrow(() -> DomainException.notFound("Cube", cubeId));
    }
}
