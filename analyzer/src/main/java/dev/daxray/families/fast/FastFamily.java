package dev.daxray.families.fast;

/** A family whose lines are read through a {@link VerifiedFastPath}: the agreement test and the fuzz target read it. */
public interface FastFamily {

    /** A new parser for one reader: the fast reader, checked against the grammar. */
    VerifiedFastPath<?> newFastPath();
}
