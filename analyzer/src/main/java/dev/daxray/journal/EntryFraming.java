package dev.daxray.journal;

/**
 * Groups the lines of a structured log export into entries. One per input, fed every line of it
 * from the line where the format was recognised; not thread-safe.
 */
public interface EntryFraming {

    /** The input's format as the summary names it (e.g. {@code journal json}). */
    String format();

    /** One line (a slice of the splitter's buffer, valid only during the call). */
    void line(byte[] buf, int off, int len, long lineNo, EntrySink sink);

    /**
     * A binary field of {@code journalctl -o export}: {@code name} on line {@code nameLine}, its value
     * (at most {@link ExportSplitter#MAX_VALUE} bytes kept) through {@code lastLine}. Other formats have none.
     */
    default void binary(String name, byte[] value, boolean cut, boolean framed, long nameLine, long lastLine,
                        EntrySink sink) {
        for (long l = nameLine; l <= lastLine; l++) {
            sink.broken(l, "binary field " + name + " outside a journal export");
        }
    }

    /** End of input: the entry still open, if any. */
    void finish(EntrySink sink);
}
