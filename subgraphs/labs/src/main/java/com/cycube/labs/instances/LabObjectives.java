package com.cycube.labs.instances;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.cubes.LabCubeDocument;
import com.cycube.labs.cubes.LabCubeStore;
import com.cycube.labs.templates.LabObjective;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.persistence.OptimisticRetry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Lab objectives: who confirms them decides who gets a completed LAB cube (and, through training and assessment, a
 * certificate), so the rule is strict:
 * <ul>
 *   <li>nobody confirms objectives of their own lab (FORBIDDEN — a manager who launched a lab cannot complete it
 *       themselves);</li>
 *   <li>labs of platform content (a cube of a GLOBAL course, or one labs knows nothing about) are confirmed only by
 *       the in-VM checker — an integration client of the lab's organization with scope {@value #REPORT_SCOPE} — or
 *       by root;</li>
 *   <li>labs of the organization's own content (ORGANIZATION visibility) also by managers of that organization.</li>
 * </ul>
 * Trainees never report objectives. Every refusal is FORBIDDEN before anything is written (the shared audit
 * instrumentation records it as a denial). When the last objective of a lab is met, the same compare-and-set write
 * that records it stores {@code LabObjectivesMet} and {@code objectivesMetAt} — once per lab, however often or
 * concurrently it is reported.
 *
 * <p>Objectives count while the lab is RUNNING, and for {@code cycube.labs.objective-grace} after it stopped
 * running (the checker's last report may arrive just after the trainee terminated the lab or it expired).
 */
@Service
public class LabObjectives {

    public static final String REPORT_SCOPE = "labs:report";

    private final LabStore store;
    private final LabCubeStore cubes;
    private final LabsProperties properties;

    public LabObjectives(LabStore store, LabCubeStore cubes, LabsProperties properties) {
        this.store = store;
        this.cubes = cubes;
        this.properties = properties;
    }

    /** What recordLabObjective answers (its payload). */
    public record Recorded(LabInstanceDocument lab, boolean allMet) {
    }

    public Recorded record(Caller caller, String labId, String objectiveId) {
        requireReporter(caller);
        if (labId == null || labId.isBlank() || objectiveId == null || objectiveId.isBlank()) {
            throw DomainException.badInput("labId and objectiveId are required");
        }
        return OptimisticRetry.until("The lab", () -> {
            LabInstanceDocument lab = store.findInOrganization(caller, labId)
                    .orElseThrow(() -> DomainException.notFound("LabInstance", labId));
            requireMayConfirm(caller, lab);
            if (lab.objectives().stream().noneMatch(objective -> objective.id().equals(objectiveId))) {
                throw DomainException.badInput("The lab has no objective " + objectiveId);
            }
            if (lab.objectivesMet().contains(objectiveId)) {
                return Optional.of(new Recorded(lab, lab.objectivesMetAt() != null)); // already reported: nothing changes
            }
            Instant now = store.now();
            if (!countsObjectives(lab, now, properties.objectiveGrace())) {
                throw DomainException.conflict("Objectives count only while the lab runs; this one is " + lab.state());
            }
            boolean completes = allMetWith(lab, objectiveId) && lab.objectivesMetAt() == null;
            return store.objectiveMet(caller, lab, objectiveId, completes ? now : null)
                    .map(stored -> new Recorded(stored, stored.objectivesMetAt() != null));
        });
    }

    /** A manager of the lab's organization (or root), or an integration client with {@value #REPORT_SCOPE}. */
    static void requireReporter(Caller caller) {
        caller.requireAuthenticated();
        if (caller.isIntegration()) {
            caller.require(Role.ROOT, REPORT_SCOPE); // integrations have no role: the scope decides
        } else {
            caller.require(Role.MANAGER, null);
        }
    }

    /**
     * Nobody confirms their own lab; platform content only the checker (its scope was checked) or root; the
     * organization's own content also its managers. Runs after the lab was found in the caller's organization.
     */
    private void requireMayConfirm(Caller caller, LabInstanceDocument lab) {
        if (caller.subject() != null && caller.subject().equals(lab.ownerId())) {
            throw DomainException.forbidden("Nobody confirms the objectives of their own lab: the in-VM checker or another "
                    + "manager of the organization does");
        }
        if (caller.isRoot() || caller.isIntegration()) {
            return;
        }
        boolean platformContent = cubes.findOfLab(caller, lab.cubeId(), lab.organizationId())
                .map(LabCubeDocument::platformContent).orElse(true); // unknown content: the strictest rule
        if (platformContent) {
            throw DomainException.forbidden("Objectives of a platform (GLOBAL) course's lab are confirmed only by the "
                    + "automated checker (scope " + REPORT_SCOPE + ") or the platform operator");
        }
    }

    /** RUNNING, or it was running until less than {@code grace} ago (reset, terminated, expired, failed). */
    static boolean countsObjectives(LabInstanceDocument lab, Instant now, Duration grace) {
        if (lab.state() == LabState.RUNNING) {
            return true;
        }
        List<LabTransition> history = lab.history() == null ? List.of() : lab.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == LabState.RUNNING) {
                Instant leftRunning = i + 1 < history.size() ? history.get(i + 1).at() : null;
                return leftRunning != null && !now.isAfter(leftRunning.plus(grace));
            }
        }
        return false;
    }

    private static boolean allMetWith(LabInstanceDocument lab, String objectiveId) {
        Set<String> met = new HashSet<>(lab.objectivesMet());
        met.add(objectiveId);
        return lab.objectives().stream().map(LabObjective::id).allMatch(met::contains);
    }
}
