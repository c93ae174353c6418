package dev.daxray.families;

import java.util.List;

import dev.daxray.records.LogRecord;

/**
 * A family of kernel messages (memory-failure, MCE, GHES, XFS, ...) and how to read it.
 *
 * <p>The keywords drive the byte-level prefilter: a line that contains none of a family's keywords
 * is never offered to it (unless one of its multi-line blocks is open), so every line the family's
 * grammar accepts must contain at least one of them. A test checks exactly that on every sample
 * and real capture.
 */
public interface Family {

    /** Short name, used in diagnostics. */
    String name();

    /** Literal byte strings (ASCII), at least one of which occurs in every line of this family. */
    List<String> keywords();

    /**
     * Whether the family's grammar may read {@code record}: cheap necessary conditions (its anchors,
     * see {@link Anchors}), checked before a line with the family's keyword is offered to it. A line
     * that every family of its keywords rules out is counted as skipped, not unparsed, as no parser
     * saw it. Lines offered to an open block do not pass through here. By default every keyword line
     * may be read.
     */
    default boolean mayRead(LogRecord record) {
        return true;
    }

    /** A fresh reader for one input; it holds the state of the family's multi-line blocks. */
    FamilyReader newReader();
}
