package dev.daxray.families;

import java.util.List;

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

    /** A fresh reader for one input; it holds the state of the family's multi-line blocks. */
    FamilyReader newReader();
}
