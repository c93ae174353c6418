package dev.daxray.index;

/**
 * A search query that cannot be run, with the 1-based column it went wrong at (0 when the
 * problem is not at one place). The message reads {@code query:COL: message}.
 */
public final class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int column;
    private final String detail;

    public QueryException(int column, String detail) {
        super(column > 0 ? "query:" + column + ": " + detail : "query: " + detail);
        this.column = column;
        this.detail = detail;
    }

    public int column() {
        return column;
    }

    public String detail() {
        return detail;
    }
}
