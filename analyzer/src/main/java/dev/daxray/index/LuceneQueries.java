package dev.daxray.index;

import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.RegExp;

/** A {@link QueryNode} as the Lucene query over {@link IncidentFields}' documents. */
final class LuceneQueries {

    private LuceneQueries() {
    }

    static Query of(QueryNode node) {
        if (node instanceof QueryNode.MatchAll) {
            return new MatchAllDocsQuery();
        }
        if (node instanceof QueryNode.MatchNone) {
            return new MatchNoDocsQuery();
        }
        if (node instanceof QueryNode.Bool bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            for (QueryNode.Clause c : bool.clauses()) {
                builder.add(of(c.node()), switch (c.occur()) {
                    case MUST -> BooleanClause.Occur.MUST;
                    case SHOULD -> BooleanClause.Occur.SHOULD;
                    case MUST_NOT -> BooleanClause.Occur.MUST_NOT;
                });
            }
            return builder.build();
        }
        if (node instanceof QueryNode.Term t) {
            return IncidentFields.KEYWORDS.contains(t.field())
                    ? KeywordField.newExactQuery(t.field(), t.value()) : new TermQuery(new Term(t.field(), t.value()));
        }
        if (node instanceof QueryNode.Phrase p) {
            return new PhraseQuery(p.slop(), p.field(), p.terms().toArray(new String[0]));
        }
        if (node instanceof QueryNode.TermRange r) {
            return TermRangeQuery.newStringRange(r.field(), r.low(), r.high(), r.includeLow(), r.includeHigh());
        }
        if (node instanceof QueryNode.Prefix p) {
            return new PrefixQuery(new Term(p.field(), p.prefix()));
        }
        if (node instanceof QueryNode.Wildcard w) {
            return new WildcardQuery(new Term(w.field(), w.pattern()), IncidentQueryParser.DETERMINIZE_WORK_LIMIT);
        }
        if (node instanceof QueryNode.Regexp r) {
            return new RegexpQuery(new Term(r.field(), r.pattern()), RegExp.ALL, IncidentQueryParser.DETERMINIZE_WORK_LIMIT);
        }
        if (node instanceof QueryNode.Fuzzy f) {
            return new FuzzyQuery(new Term(f.field(), f.term()), f.maxEdits());
        }
        if (node instanceof QueryNode.Exists e) {
            return new FieldExistsQuery(e.field());
        }
        return numbers((QueryNode.NumberRange) node);
    }

    /** Unsigned fields are indexed with the sign bit flipped ({@link IncidentFields#unsigned}), so signed order is theirs. */
    private static Query numbers(QueryNode.NumberRange r) {
        boolean unsigned = IncidentFields.HEX_NUMBERS.contains(r.field());
        long from = r.from() == null ? Long.MIN_VALUE : unsigned ? IncidentFields.unsigned(r.from()) : r.from();
        long to = r.to() == null ? Long.MAX_VALUE : unsigned ? IncidentFields.unsigned(r.to()) : r.to();
        return from == to && r.from() != null && r.to() != null
                ? LongField.newExactQuery(r.field(), from) : LongField.newRangeQuery(r.field(), from, to);
    }
}
