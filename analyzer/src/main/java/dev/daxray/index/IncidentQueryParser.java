package dev.daxray.index;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

import dev.daxray.rules.DidYouMean;

/**
 * Lucene's classic query syntax over the incident fields, with each field read for what it is:
 * keyword fields match exactly (no analysis), numeric fields take decimal or {@code 0x…} values and
 * ranges, {@code time} takes dates, text fields are analysed. Unknown fields, bad values and
 * pathological patterns are {@link QueryException}s with the column they start at.
 *
 * <p>Bounds, so one query cannot take the machine down: the query text is at most
 * {@value #MAX_QUERY_CHARS} characters; leading wildcards are rejected (they enumerate every term);
 * wildcard and regular-expression patterns are at most {@value #MAX_PATTERN_CHARS} characters and
 * their automata at most {@value #DETERMINIZE_WORK_LIMIT} units of determinization work; Boolean
 * queries keep Lucene's clause limit. The searcher adds a time limit.
 */
public final class IncidentQueryParser extends QueryParser {

    static final int MAX_QUERY_CHARS = 4096;
    static final int MAX_PATTERN_CHARS = 128;
    static final int DETERMINIZE_WORK_LIMIT = 10_000;

    private static final Set<String> LOWERCASE_KEYWORDS = Set.of(IncidentFields.KIND, IncidentFields.LABELS,
            IncidentFields.SEVERITY, IncidentFields.FS, IncidentFields.TIME_SOURCE);
    private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");

    private final String text;
    private final Instant now;

    private IncidentQueryParser(String text, Instant now) {
        super(IncidentFields.TEXT, new StandardAnalyzer());
        this.text = text;
        this.now = now;
        setAllowLeadingWildcard(false);
        setDefaultOperator(QueryParser.AND_OPERATOR);
        setDeterminizeWorkLimit(DETERMINIZE_WORK_LIMIT);
    }

    /**
     * The query for {@code text} as a {@link QueryNode} every back end translates; blank or
     * {@code *} means every incident.
     */
    public static QueryNode parse(String text, Instant now) {
        if (text.length() > MAX_QUERY_CHARS) {
            throw new QueryException(MAX_QUERY_CHARS + 1, "query longer than " + MAX_QUERY_CHARS + " characters");
        }
        if (text.isBlank() || text.strip().equals("*")) {
            return new QueryNode.MatchAll();
        }
        IncidentQueryParser parser = new IncidentQueryParser(text, now);
        try {
            QueryNode node = node(parser.parse(text));
            return node == null ? new QueryNode.MatchNone() : node;
        } catch (ParseException e) {
            throw syntaxError(text, e);
        }
    }

    // ---- the classic parser builds Lucene queries: each of ours carries a QueryNode through it

    /** A {@link QueryNode} passing through the classic parser, which wants a {@link Query}. */
    private static final class Carrier extends Query {
        final QueryNode node;

        Carrier(QueryNode node) {
            this.node = node;
        }

        @Override
        public String toString(String field) {
            return node.toString();
        }

        @Override
        public void visit(org.apache.lucene.search.QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Carrier c && c.node.equals(node);
        }

        @Override
        public int hashCode() {
            return node.hashCode();
        }
    }

    private static Query carry(QueryNode node) {
        return new Carrier(node);
    }

    /** The node a parsed query carries (boosts dropped: hits are sorted by time, not score); null for none. */
    private static QueryNode node(Query query) {
        if (query == null) {
            return null;
        }
        if (query instanceof org.apache.lucene.search.BoostQuery boost) {
            return node(boost.getQuery());
        }
        if (query instanceof Carrier carrier) {
            return carrier.node;
        }
        if (query instanceof MatchAllDocsQuery) {
            return new QueryNode.MatchAll();
        }
        throw new IllegalStateException("query without a node: " + query.getClass().getSimpleName());
    }

    /**
     * A group of exclusions only ({@code -severity:high}, {@code NOT kind:x}) means "everything but":
     * Lucene alone would match nothing, as a Boolean query needs something to match first.
     */
    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
        List<QueryNode.Clause> nodes = new java.util.ArrayList<>();
        for (BooleanClause clause : clauses) {
            QueryNode node = node(clause.getQuery());
            if (node != null) {
                nodes.add(new QueryNode.Clause(switch (clause.getOccur()) {
                    case MUST, FILTER -> QueryNode.Occur.MUST;
                    case SHOULD -> QueryNode.Occur.SHOULD;
                    case MUST_NOT -> QueryNode.Occur.MUST_NOT;
                }, node));
            }
        }
        if (nodes.isEmpty()) {
            return null;
        }
        if (nodes.stream().allMatch(c -> c.occur() == QueryNode.Occur.MUST_NOT)) {
            nodes.add(0, new QueryNode.Clause(QueryNode.Occur.MUST, new QueryNode.MatchAll()));
        }
        return carry(new QueryNode.Bool(nodes));
    }

    private static QueryException syntaxError(String text, ParseException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ParseException p && p.currentToken != null && p.currentToken.next != null) {
            Token bad = p.currentToken.next;
            if (bad.kind == QueryParserConstants.EOF) {
                return new QueryException(text.stripTrailing().length() + 1,
                        "unexpected end of query; expected a term, a phrase, ( or [");
            }
            return new QueryException(bad.beginColumn + 1, "unexpected [" + bad.image + "]");    // javacc columns are 0-based
        }
        if (cause instanceof ParseException p && p.getCause() == null && p.currentToken == null) {
            return new QueryException(0, p.getMessage());
        }
        String message = cause == null ? e.getMessage() : cause.getMessage();
        Matcher column = LEXICAL_COLUMN.matcher(message == null ? "" : message);
        int quote = unmatchedQuote(text);
        if (quote >= 0) {
            return new QueryException(quote + 1, "unterminated quote");
        }
        if (column.find()) {
            String what = message.contains("<EOF>") ? "unterminated range or escape" : "unexpected character";
            return new QueryException(Integer.parseInt(column.group(1)), what);
        }
        return new QueryException(0, message == null ? "cannot parse the query" : message);
    }

    /** The index of a {@code "} that is never closed, or -1. */
    private static int unmatchedQuote(String text) {
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                open = open < 0 ? i : -1;
            }
        }
        return open;
    }

    // ---- field handling

    private enum Kind { KEYWORD, NUMBER, TEXT }

    private Kind kind(String field) {
        if (IncidentFields.KEYWORDS.contains(field)) {
            return Kind.KEYWORD;
        }
        if (IncidentFields.NUMBERS.contains(field)) {
            return Kind.NUMBER;
        }
        if (IncidentFields.TEXTS.contains(field)) {
            return Kind.TEXT;
        }
        throw error(field, "unknown field [" + field + "]" + DidYouMean.hint(field, IncidentFields.QUERYABLE.keySet())
                + "; fields: " + String.join(", ", IncidentFields.QUERYABLE.keySet()));
    }

    /**
     * An error pointing at {@code field:} when the query names it, else at the last token read (a
     * term of the default field, such as {@code /[/}).
     */
    private QueryException error(String field, String message) {
        int end = token == null ? text.length() : token.beginColumn;     // javacc columns are 0-based
        int at = text.lastIndexOf(field + ":", end);
        int column = at >= 0 ? at + 1 : token == null ? 0 : token.beginColumn + 1;
        return new QueryException(column, message);
    }

    /** An error pointing at {@code value} after {@code field:} when the query has it there, else at the field. */
    private QueryException error(String field, String value, String message) {
        QueryException atField = error(field, message);
        int from = Math.max(0, atField.column() - 1);
        int at = value.isEmpty() ? -1 : text.indexOf(value.strip(), from);
        return at >= 0 ? new QueryException(at + 1, message) : atField;
    }

    private String keywordValue(String field, String value) {
        return LOWERCASE_KEYWORDS.contains(field) ? value.toLowerCase(Locale.ROOT) : value;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        return switch (kind(field)) {
            case KEYWORD -> carry(new QueryNode.Term(field, keywordValue(field, queryText)));
            case NUMBER -> {
                long value = number(field, queryText);
                yield carry(new QueryNode.NumberRange(field, value, value));
            }
            case TEXT -> text(field, queryText, quoted, 0);
        };
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return kind(field) == Kind.TEXT ? text(field, queryText, true, slop) : getFieldQuery(field, queryText, true);
    }

    /**
     * Analysed text as the classic parser reads it: one token is a term; several are a phrase when
     * quoted, else all of them (the default operator is AND); none is no clause.
     */
    private Query text(String field, String queryText, boolean quoted, int slop) {
        List<String> tokens = new java.util.ArrayList<>();
        try (org.apache.lucene.analysis.TokenStream stream = getAnalyzer().tokenStream(field, queryText)) {
            org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
                    stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return carry(new QueryNode.Term(field, tokens.get(0)));
        }
        if (quoted) {
            return carry(new QueryNode.Phrase(field, tokens, slop));
        }
        return carry(new QueryNode.Bool(tokens.stream()
                .map(t -> new QueryNode.Clause(QueryNode.Occur.MUST, new QueryNode.Term(field, t))).toList()));
    }

    /** A text field's pattern or bound as the analyser normalises it (lower case). */
    private String normalized(String field, String value) {
        return getAnalyzer().normalize(field, value).utf8ToString();
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        String low = part1 == null || part1.equals("*") ? null : part1;
        String high = part2 == null || part2.equals("*") ? null : part2;
        return switch (kind(field)) {
            case KEYWORD -> carry(new QueryNode.TermRange(field, low == null ? null : keywordValue(field, low),
                    high == null ? null : keywordValue(field, high), startInclusive, endInclusive));
            case NUMBER -> {
                // Exclusive bounds become inclusive ones; unsigned fields count from 0 to 2^64-1.
                boolean unsigned = IncidentFields.HEX_NUMBERS.contains(field);
                Long from = low == null ? null : number(field, low);
                Long to = high == null ? null : number(field, high);
                if (from != null && !startInclusive) {
                    if (from == (unsigned ? -1L : Long.MAX_VALUE)) {
                        yield carry(new QueryNode.MatchNone());
                    }
                    from++;
                }
                if (to != null && !endInclusive) {
                    if (to == (unsigned ? 0L : Long.MIN_VALUE)) {
                        yield carry(new QueryNode.MatchNone());
                    }
                    to--;
                }
                yield carry(new QueryNode.NumberRange(field, from, to));
            }
            case TEXT -> carry(new QueryNode.TermRange(field, low == null ? null : normalized(field, low),
                    high == null ? null : normalized(field, high), startInclusive, endInclusive));
        };
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if (termStr.equals("*")) {
            if (field.equals("*")) {
                return carry(new QueryNode.MatchAll());
            }
            Kind k = kind(field);
            return carry(k == Kind.TEXT ? new QueryNode.Wildcard(field, termStr) : new QueryNode.Exists(field));
        }
        checkPattern(field, termStr, "wildcard");
        if (termStr.startsWith("*") || termStr.startsWith("?")) {
            throw error(field, "leading wildcard in [" + termStr + "] is not allowed: it would scan every term;"
                    + " anchor the pattern (e.g. " + termStr.replaceFirst("^[*?]+", "") + "*)");
        }
        String pattern = switch (kind(field)) {
            case KEYWORD -> keywordValue(field, termStr);
            case NUMBER -> throw numericPattern(field, termStr);
            case TEXT -> normalized(field, termStr);
        };
        try {
            new WildcardQuery(new Term(field, pattern), DETERMINIZE_WORK_LIMIT);     // refuses one too complex
        } catch (TooComplexToDeterminizeException e) {
            throw error(field, "pattern is too complex");
        }
        return carry(new QueryNode.Wildcard(field, pattern));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return switch (kind(field)) {
            case KEYWORD -> carry(new QueryNode.Prefix(field, keywordValue(field, termStr)));
            case NUMBER -> throw numericPattern(field, termStr + "*");
            case TEXT -> carry(new QueryNode.Prefix(field, normalized(field, termStr)));
        };
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        checkPattern(field, termStr, "regular expression");
        Kind k = kind(field);
        if (k == Kind.NUMBER) {
            throw numericPattern(field, "/" + termStr + "/");
        }
        String value = k == Kind.KEYWORD ? keywordValue(field, termStr) : termStr;
        try {
            new RegexpQuery(new Term(field, value), RegExp.ALL, DETERMINIZE_WORK_LIMIT);     // refuses a bad or complex one
            return carry(new QueryNode.Regexp(field, value));
        } catch (TooComplexToDeterminizeException e) {
            throw error(field, "regular expression [" + termStr + "] is too complex (more than "
                    + DETERMINIZE_WORK_LIMIT + " units of determinization work)");
        } catch (IllegalArgumentException e) {
            throw error(field, "bad regular expression [" + termStr + "]: " + e.getMessage());
        }
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return switch (kind(field)) {
            case KEYWORD -> carry(new QueryNode.Fuzzy(field, keywordValue(field, termStr),
                    Math.max(0, Math.min(FuzzyQuery.defaultMaxEdits, Math.round(minSimilarity)))));
            case NUMBER -> throw numericPattern(field, termStr + "~");
            case TEXT -> {
                String term = normalized(field, termStr);
                yield carry(new QueryNode.Fuzzy(field, term,
                        FuzzyQuery.floatToEdits(minSimilarity, term.codePointCount(0, term.length()))));
            }
        };
    }

    private void checkPattern(String field, String pattern, String what) {
        if (pattern.length() > MAX_PATTERN_CHARS) {
            throw error(field, what + " longer than " + MAX_PATTERN_CHARS + " characters");
        }
    }

    private QueryException numericPattern(String field, String value) {
        return error(field, value, "field [" + field + "] is numeric: [" + value + "] is not a number;"
                + " use " + field + ":VALUE or " + field + ":[LOW TO HIGH]");
    }

    /** The indexed long of a value of a numeric field. */
    private long number(String field, String value) {
        String v = value.strip();
        try {
            switch (field) {
                case IncidentFields.PFN, IncidentFields.PHYS_ADDR -> {
                    long parsed = v.startsWith("0x") || v.startsWith("0X")
                            ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseUnsignedLong(v);
                    return parsed;
                }
                case IncidentFields.START -> {
                    return IncidentFields.micros(new BigDecimal(v));
                }
                case IncidentFields.TIME -> {
                    return TimeSpec.parse(v, now);
                }
                case IncidentFields.SEVERITY_RANK -> {
                    return dev.daxray.rules.Severity.parse(v).map(s -> (long) s.ordinal()).orElseGet(() -> Long.parseLong(v));
                }
                default -> {
                    return Long.parseLong(v);
                }
            }
        } catch (NumberFormatException | ArithmeticException e) {
            String form = IncidentFields.HEX_NUMBERS.contains(field) ? "0x… hex or a decimal number"
                    : field.equals(IncidentFields.START) ? "seconds, e.g. 5187.4" : "an integer";
            throw error(field, value, "bad number [" + value + "] for " + field + "; expected " + form);
        } catch (IllegalArgumentException e) {
            throw error(field, value, e.getMessage());
        }
    }
}
