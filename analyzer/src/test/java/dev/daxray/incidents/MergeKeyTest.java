package dev.daxray.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every clause but sharing an event has a kind of key (that every key has a clause, the compiler checks). */
class MergeKeyTest {

    @Test
    void everyClauseButSharingAnEventHasAKindOfKey() throws ReflectiveOperationException {
        Set<Clause> keyed = EnumSet.noneOf(Clause.class);
        for (Class<?> kind : MergeKey.class.getPermittedSubclasses()) {
            keyed.add(example(kind).clause());
        }
        assertEquals(EnumSet.complementOf(EnumSet.of(Clause.SHARED_EVENT)), keyed);
    }

    /** A key of {@code kind}, its components zero or null. */
    private static MergeKey example(Class<?> kind) throws ReflectiveOperationException {
        RecordComponent[] components = kind.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(MergeKeyTest::zero).toArray();
        return (MergeKey) kind.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object zero(Class<?> type) {
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        return type == boolean.class ? false : null;
    }

    @Test
    void keysOfOneKindDifferByTheirComponents() {
        MergeKey.Scope scope = new MergeKey.Scope("host", 0);
        Set<MergeKey> keys = Stream.of(new MergeKey.SamePage(scope, 1), new MergeKey.SamePage(scope, 2),
                new MergeKey.SamePage(scope, 1), new MergeKey.OtherPageSize(scope, 1)).collect(Collectors.toSet());
        assertEquals(3, keys.size());
        assertEquals(Set.of(Clause.SAME_PAGE, Clause.OTHER_PAGE_SIZE),
                keys.stream().map(MergeKey::clause).collect(Collectors.toSet()));
    }
}
