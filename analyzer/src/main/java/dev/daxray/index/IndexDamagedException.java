package dev.daxray.index;

import java.io.IOException;

/**
 * The index cannot be used as it is: a segment or its commit point is damaged (a crash of the
 * disk, a copy cut short, a bad sector), or another process is writing it. The message says which
 * segment and file, and what to do (daxray index check --fix, or a rebuild).
 */
public final class IndexDamagedException extends IOException {

    private static final long serialVersionUID = 1L;

    public IndexDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
