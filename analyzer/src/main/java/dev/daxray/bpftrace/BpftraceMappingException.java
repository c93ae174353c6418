package dev.daxray.bpftrace;

import java.util.List;

/** A mapping file that cannot be used, with {@code file:line:col: message} text (one line per error). */
public final class BpftraceMappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BpftraceMappingException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
    }

    private BpftraceMappingException(String messages) {
        super(messages);
    }

    /** All errors of one file at once. */
    static BpftraceMappingException all(List<String> messages) {
        return new BpftraceMappingException(String.join("\n", messages));
    }
}
