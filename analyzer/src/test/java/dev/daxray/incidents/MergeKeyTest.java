package dev.daxray.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every kind of merge key has its clause, and every clause but sharing an event has a kind of key. */
class MergeKeyTest {

    @Test
    void everyKeyBelongsToAClause() {
        Set<Class<?>> kinds = Arrays.stream(MergeKey.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(kinds, MergeKey.CLAUSES.keySet());
        EnumSet<Clause> keyed = EnumSet.copyOf(MergeKey.CLAUSES.values());
        assertEquals(EnumSet.complementOf(EnumSet.of(Clause.SHARED_EVENT)), keyed);
    }
}
