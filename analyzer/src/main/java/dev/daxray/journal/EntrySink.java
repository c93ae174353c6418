package dev.daxray.journal;

/**
 * Receives what an {@link EntryFraming} makes of an input's lines. Every line the framing is given
 * reaches exactly one of these calls (an entry covers its lines), so the caller can account for it.
 */
public interface EntrySink {

    /** A whole entry; its message line has the message's fate, its other lines are read as its context. */
    void entry(JournalEntry entry);

    /**
     * Whether a one-line entry with these bytes may hold something to read. When it cannot (none of the
     * families' keywords occurs in it and no multi-line block is open), the framing skips decoding it
     * and calls {@link #chatter} instead.
     */
    boolean mayMatter(byte[] buf, int off, int len);

    /** A one-line entry not worth decoding; {@code bootId} is set when its boot differs from the last one's. */
    void chatter(long line, String bootId);

    /** A line of the format's own framing (a separator, a header, an empty line between entries). */
    void framing(long line);

    /** A line the format cannot read (broken JSON, a stray line), with why. */
    void broken(long line, String why);
}
