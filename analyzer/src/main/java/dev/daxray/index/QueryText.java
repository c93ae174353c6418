package dev.daxray.index;

/** Query text built from values (a facet clicked, an incident's host): quoted, so any value stays one exact term. */
public final class QueryText {

    private QueryText() {
    }

    /** {@code value} as a quoted query term: {@code "a \"b\" c\\d"}. */
    public static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code field:"value"}. */
    public static String term(String field, String value) {
        return field + ":" + quote(value);
    }

    /** {@code query} and {@code clause} together ({@code clause} alone when the query is blank). */
    public static String and(String query, String clause) {
        return query == null || query.isBlank() ? clause : query.strip() + " " + clause;
    }
}
