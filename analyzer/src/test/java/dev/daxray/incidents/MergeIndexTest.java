package dev.daxray.incidents;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The index joins a finding to the latest incident with one of its keys when the key's clause reaches
 * that far, and it keeps at most {@link MergeIndex#LIMIT} keys, forgetting the least recently used.
 */
class MergeIndexTest {

    private static final MergeKey.Scope SCOPE = new MergeKey.Scope("host", 0);
    private static final long SECOND = 1_000_000L;

    private final MergeIndex index = new MergeIndex();

    /**
     * What a finding with {@code key} spanning start..end joins; it is then recorded in that incident, or
     * in {@code fresh} when it joins none (as {@link IncidentBuilder} does).
     */
    private IncidentDraft visit(MergeKey key, IncidentDraft fresh, Long start, Long end) {
        MergeIndex.Entry[] found = index.find(List.of(key));
        IncidentDraft reached = MergeIndex.reach(key, found[0], start, end);
        index.record(key, found[0], reached != null ? reached : fresh, start, end);
        return reached;
    }

    @Test
    void aKeyJoinsWithinItsClausesReachAndNotBeyond() {
        MergeKey process = new MergeKey.Process(SCOPE, "fsx", 4242);
        long reach = Clause.PROCESS.reachMicros();
        IncidentDraft first = new IncidentDraft(0);
        assertNull(visit(process, first, 0L, SECOND));
        assertSame(first, visit(process, new IncidentDraft(1), SECOND + reach, SECOND + reach));
        assertNull(visit(process, new IncidentDraft(2), 3 * SECOND + 3 * reach, 3 * SECOND + 3 * reach),
                "too far after the last finding with the key");
    }

    @Test
    void aPageIsPoisonedForTheWholeBoot() {
        MergeKey page = new MergeKey.SamePage(SCOPE, 0x3c1b0aL);
        IncidentDraft first = new IncidentDraft(0);
        visit(page, first, 0L, 0L);
        assertSame(first, visit(page, new IncidentDraft(1), 86_400 * SECOND, 86_400 * SECOND));
        assertSame(first, visit(page, new IncidentDraft(2), null, null));
    }

    @Test
    void theLeastRecentlyUsedKeyIsForgottenFirst() {
        MergeKey old = new MergeKey.SamePage(SCOPE, -1);
        MergeKey used = new MergeKey.SamePage(SCOPE, -2);
        IncidentDraft oldDraft = new IncidentDraft(0);
        IncidentDraft usedDraft = new IncidentDraft(1);
        visit(old, oldDraft, 0L, 0L);
        visit(used, usedDraft, 0L, 0L);
        for (int page = 0; page < MergeIndex.LIMIT; page++) {
            if (page == MergeIndex.LIMIT / 2) {
                assertSame(usedDraft, visit(used, usedDraft, 0L, 0L));
            }
            visit(new MergeKey.SamePage(SCOPE, page), new IncidentDraft(2 + page), 0L, 0L);
        }
        assertSame(usedDraft, visit(used, usedDraft, 0L, 0L), "used half-way: still known");
        assertNull(visit(old, new IncidentDraft(-1), 0L, 0L), "pushed out by LIMIT other keys");
        assertNull(visit(new MergeKey.SamePage(SCOPE, 0), new IncidentDraft(-2), 0L, 0L), "the next least recently used");
    }
}
