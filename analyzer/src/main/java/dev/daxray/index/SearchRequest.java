package dev.daxray.index;

import java.time.Instant;
import java.util.List;

/**
 * One search: the user's query text plus the structured filters built in code.
 *
 * @param query         Lucene query syntax over {@link IncidentFields#QUERYABLE}; blank for all
 * @param since         only incidents at or after this epoch millisecond, or null
 * @param until         only incidents before this epoch millisecond, or null
 * @param limit         at most this many hits (newest first)
 * @param facets        fields to count values of over all matches
 * @param groupBy       group the matches by fingerprint and count the hosts of each
 * @param timeoutMillis stop searching after this long and say the result is partial
 * @param now           what {@code now} means in relative times
 */
public record SearchRequest(String query, Long since, Long until, int limit, List<String> facets, boolean groupBy,
                            long timeoutMillis, Instant now) {

    public SearchRequest {
        facets = List.copyOf(facets);
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit");
        }
    }

    /** Refuses a facet on a field that is not an exact one (or is a unique id). */
    public void checkFacets() {
        for (String field : facets) {
            if (!IncidentFields.FACETS.contains(field)) {
                throw new QueryException(0, "cannot count values of [" + field + "]"
                        + dev.daxray.rules.DidYouMean.hint(field, IncidentFields.FACETS)
                        + "; facet fields: " + String.join(", ", IncidentFields.FACETS));
            }
        }
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, 20, List.of(), false, 10_000, Instant.now());
    }

    public SearchRequest withFacets(List<String> fields) {
        return new SearchRequest(query, since, until, limit, fields, groupBy, timeoutMillis, now);
    }

    public SearchRequest withGroupBy() {
        return new SearchRequest(query, since, until, limit, facets, true, timeoutMillis, now);
    }

    public SearchRequest withLimit(int n) {
        return new SearchRequest(query, since, until, n, facets, groupBy, timeoutMillis, now);
    }
}
