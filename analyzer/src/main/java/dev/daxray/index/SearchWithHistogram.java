package dev.daxray.index;

/**
 * A search's result and how its matches spread over time, computed together
 * ({@link IncidentIndex#searchWithHistogram}).
 *
 * @param result    what the search found
 * @param histogram its matches over time (null when none was asked for)
 */
public record SearchWithHistogram(SearchResult result, TimeHistogram histogram) {
}
