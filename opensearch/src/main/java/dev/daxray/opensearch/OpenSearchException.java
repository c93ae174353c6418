package dev.daxray.opensearch;

import java.io.IOException;

/** OpenSearch could not be reached, refused a request, or did not write what it was sent; the message says which. */
public final class OpenSearchException extends IOException {

    private static final long serialVersionUID = 1L;

    public OpenSearchException(String message) {
        super(message);
    }

    public OpenSearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
