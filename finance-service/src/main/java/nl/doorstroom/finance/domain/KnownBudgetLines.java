package nl.doorstroom.finance.domain;

import java.util.Optional;
import java.util.Set;

/** The budget lines recorded so far and how each is spent; claims and business cases are charged to one of them. */
public interface KnownBudgetLines {

    Optional<LineUse> use(String line);

    record LineUse(String line, Placement placement, Set<Spending> spentThrough, Set<ClaimCategory> claimCategories) {

        public boolean takes(Spending spending) {
            return spentThrough.contains(spending);
        }
    }
}
