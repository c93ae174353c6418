package dev.daxray.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the search page shows is in its URL: the query, the time range (as typed: any form
 * {@code --since} takes), the page, and whether matches are grouped by fingerprint. A link to a
 * search pasted into a ticket opens the same view.
 *
 * @param q     the query ("" for every incident)
 * @param since {@code --since} text, or null
 * @param until {@code --until} text, or null
 * @param page  1-based page of results
 * @param group group the matches by fingerprint
 */
record SearchState(String q, String since, String until, int page, boolean group) {

    /** Results per page. */
    static final int PAGE_SIZE = 20;
    /** Deepest page: results past it need a narrower query (each page reads all hits before it). */
    static final int MAX_PAGE = 50;

    SearchState {
        q = q == null ? "" : q;
    }

    static SearchState of(Request r) {
        String q = r.param("q");
        return new SearchState(q == null ? "" : q, r.nonBlank("since"), r.nonBlank("until"),
                r.intParam("page", 1, 1, MAX_PAGE), "fingerprint".equals(r.param("group")));
    }

    /** This state's URL. */
    String url() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("q", q);
        p.put("since", since);
        p.put("until", until);
        p.put("group", group ? "fingerprint" : null);
        p.put("page", page > 1 ? Integer.toString(page) : null);
        return Page.url("/", p);
    }

    SearchState withQuery(String query) {
        return new SearchState(query, since, until, 1, group);
    }

    SearchState withTime(String from, String to) {
        return new SearchState(q, from, to, 1, group);
    }

    SearchState withPage(int n) {
        return new SearchState(q, since, until, n, group);
    }

    SearchState withGroup(boolean on) {
        return new SearchState(q, since, until, 1, on);
    }
}
