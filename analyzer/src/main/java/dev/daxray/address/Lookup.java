package dev.daxray.address;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answer to an address question: {@link Found} with the assumptions it rests on, or
 * {@link Missing} saying what the bundle lacks, in words an incident can show.
 */
public sealed interface Lookup<T> {

    record Found<T>(T value, List<String> assumptions) implements Lookup<T> {
        public Found {
            assumptions = List.copyOf(assumptions);
        }
    }

    /**
     * @param what   what could not be worked out, e.g. {@code physical address of namespace0.0 sector 8208}
     * @param needed what would answer it, e.g. {@code region0's base address: add `cat …` or /proc/iomem to the bundle}
     */
    record Missing<T>(String what, List<String> needed) implements Lookup<T> {
        public Missing {
            needed = List.copyOf(needed);
        }

        @Override
        public String toString() {
            return what + " unknown; needed: " + String.join("; ", needed);
        }
    }

    static <T> Lookup<T> found(T value, List<String> assumptions) {
        return new Found<>(value, assumptions);
    }

    static <T> Lookup<T> missing(String what, List<String> needed) {
        return new Missing<>(what, needed);
    }

    default Optional<T> optional() {
        return this instanceof Found<T> f ? Optional.of(f.value()) : Optional.empty();
    }

    default boolean isFound() {
        return this instanceof Found;
    }

    /** The value; throws when missing (for code that checked {@link #isFound()}). */
    default T value() {
        if (this instanceof Found<T> f) {
            return f.value();
        }
        throw new IllegalStateException(toString());
    }

    default List<String> assumptions() {
        return this instanceof Found<T> f ? f.assumptions() : List.of();
    }

    @SuppressWarnings("unchecked")
    default <R> Lookup<R> map(Function<T, R> f) {
        return this instanceof Found<T> found ? new Found<>(f.apply(found.value()), found.assumptions())
                : (Lookup<R>) this;
    }
}
