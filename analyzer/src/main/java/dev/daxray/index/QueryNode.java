package dev.daxray.index;

import java.util.List;
import java.util.Objects;

/**
 * A parsed search query, typed and engine-neutral: {@link IncidentQueryParser} builds it from the
 * user's text, and each back end (the Lucene index, OpenSearch) translates it, so both run the
 * same query with no text parsed twice. Leaves carry values in the field's own terms: keyword
 * values as indexed (lower-cased where the field is), analysed text as its tokens, numbers as
 * longs ({@code pfn} and {@code physAddr} are unsigned 64-bit, {@code time} epoch milliseconds,
 * {@code start} microseconds since boot).
 */
public sealed interface QueryNode {

    /** Every incident. */
    record MatchAll() implements QueryNode {
    }

    /** No incident (an empty exclusive range). */
    record MatchNone() implements QueryNode {
    }

    /** How a clause takes part in a {@link Bool}. */
    enum Occur { MUST, SHOULD, MUST_NOT }

    /** A clause of a {@link Bool}. */
    record Clause(Occur occur, QueryNode node) {
        public Clause {
            Objects.requireNonNull(occur);
            Objects.requireNonNull(node);
        }
    }

    /**
     * Clauses combined the Lucene way: every MUST matches, no MUST_NOT does, and when there is no
     * MUST at least one SHOULD does. The parser never builds one of exclusions only.
     */
    record Bool(List<Clause> clauses) implements QueryNode {
        public Bool {
            clauses = List.copyOf(clauses);
        }
    }

    /** A field holds exactly this term: a keyword value, or one token of an analysed text field. */
    record Term(String field, String value) implements QueryNode {
    }

    /** Analysed text: these tokens in this order, at most {@code slop} position moves apart. */
    record Phrase(String field, List<String> terms, int slop) implements QueryNode {
        public Phrase {
            terms = List.copyOf(terms);
        }
    }

    /** Terms between two bounds (null: open), compared as strings. */
    record TermRange(String field, String low, String high, boolean includeLow, boolean includeHigh) implements QueryNode {
    }

    /** Terms starting with {@code prefix}. */
    record Prefix(String field, String prefix) implements QueryNode {
    }

    /** Terms matching a pattern of {@code *} and {@code ?}. */
    record Wildcard(String field, String pattern) implements QueryNode {
    }

    /** Terms matching a regular expression (Lucene's syntax, all optional features on). */
    record Regexp(String field, String pattern) implements QueryNode {
    }

    /** Terms within {@code maxEdits} edits (transpositions count as one) of {@code term}. */
    record Fuzzy(String field, String term, int maxEdits) implements QueryNode {
    }

    /** The field has a value. */
    record Exists(String field) implements QueryNode {
    }

    /**
     * A numeric field holds a value in {@code [from, to]} (inclusive; null: open). Unsigned fields
     * ({@link IncidentFields#HEX_NUMBERS}) compare their values as unsigned.
     */
    record NumberRange(String field, Long from, Long to) implements QueryNode {
    }
}
