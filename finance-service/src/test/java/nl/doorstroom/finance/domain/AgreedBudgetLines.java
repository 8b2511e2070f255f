package nl.doorstroom.finance.domain;

import java.util.Optional;

/** The budget lines as the agreement's table file describes them, for aggregate tests that check a line's use. */
final class AgreedBudgetLines implements KnownBudgetLines {

    @Override
    public Optional<LineUse> use(String line) {
        return AgreementTable.agreed().line(line)
                .map(l -> new LineUse(l.line(), l.placement(), l.spentThrough(), l.claimCategories()));
    }
}
