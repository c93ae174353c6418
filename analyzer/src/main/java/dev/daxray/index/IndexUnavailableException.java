package dev.daxray.index;

import java.io.IOException;

/**
 * The index cannot be used now: a segment or its commit point is damaged (a disk that failed, a
 * copy cut short, a bad sector), or another process writes it. The message says which segment and
 * file, or which process, and what to do (daxray index check --fix, a rebuild, or wait).
 */
public final class IndexUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
