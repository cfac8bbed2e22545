package com.cycube.training.people;

import com.cycube.support.errors.DomainException;
import com.cycube.support.persistence.OptimisticRetry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The seat rule: per organization, the distinct users holding enrollments may not exceed its {@code seatLimit}
 * (from {@code identity.OrganizationChanged}; unknown = no limit). Every path that creates an enrollment claims seats
 * here first, with a compare-and-set on the ledger ({@link SeatStore}) retried by {@link OptimisticRetry}, so
 * concurrent enrollments can never together exceed the limit. A refused claim writes nothing.
 */
@Component
public class Seats {

    private final SeatStore ledger;
    private final PeopleStore people;

    public Seats(SeatStore ledger, PeopleStore people) {
        this.ledger = ledger;
        this.people = people;
    }

    /**
     * Makes sure every user in {@code userIds} holds a seat of {@code orgId}; CONFLICT (nothing written) when the
     * organization has too few seats left, UNAVAILABLE when the ledger kept changing during every attempt.
     */
    public void claim(String orgId, Collection<String> userIds) {
        Claim claim = tryClaim(orgId, userIds);
        if (!claim.granted()) {
            throw DomainException.conflict(claim.refusal());
        }
    }

    /**
     * Like {@link #claim}, but a full organization is an answer (false), not an error. Losing the ledger's
     * compare-and-set every time still throws UNAVAILABLE: that is worth retrying, a full organization is not.
     */
    public boolean claimIfFree(String orgId, Collection<String> userIds) {
        return tryClaim(orgId, userIds).granted();
    }

    /** The users holding a seat of {@code orgId}. */
    public List<String> holders(String orgId) {
        return ledger.ledger(orgId).holders();
    }

    /** A claim's outcome: granted, or refused for {@code refusal}. */
    private record Claim(String refusal) {
        static final Claim GRANTED = new Claim(null);

        boolean granted() {
            return refusal == null;
        }
    }

    /** Losing the ledger's compare-and-set every time is UNAVAILABLE (transient), unlike a full organization. */
    private Claim tryClaim(String orgId, Collection<String> userIds) {
        try {
            return claimOnce(orgId, userIds);
        } catch (DomainException contention) {
            throw DomainException.unavailable("Seats are being changed concurrently; try again");
        }
    }

    private Claim claimOnce(String orgId, Collection<String> userIds) {
        return OptimisticRetry.until("The seat ledger", () -> {
            SeatStore.Ledger current = ledger.ledger(orgId);
            Set<String> newcomers = new LinkedHashSet<>(userIds);
            newcomers.removeAll(current.holders());
            if (newcomers.isEmpty()) {
                return Optional.of(Claim.GRANTED);
            }
            Optional<Integer> limit = people.seatLimit(orgId);
            if (limit.isPresent() && current.holders().size() + newcomers.size() > limit.get()) {
                return Optional.of(new Claim("Not enough seats: the organization has " + limit.get() + " seats, "
                        + current.holders().size() + " are taken and this needs " + newcomers.size() + " more"));
            }
            return ledger.addHolders(orgId, current.revision(), newcomers) ? Optional.of(Claim.GRANTED) : Optional.empty();
        });
    }
}
