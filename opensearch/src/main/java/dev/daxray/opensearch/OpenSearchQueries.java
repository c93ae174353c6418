package dev.daxray.opensearch;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.daxray.index.IncidentFields;
import dev.daxray.index.QueryNode;

/**
 * A {@link QueryNode} as OpenSearch query DSL, node for node what the Lucene back end builds:
 * {@code term}, {@code match_phrase} (the same tokens, the same slop), {@code range} (unsigned
 * values as exact integers, times in epoch ms), {@code prefix}, {@code wildcard}, {@code regexp}
 * (all optional syntax, the same determinization limit), {@code fuzzy} (no prefix, transpositions
 * on, 50 expansions, as Lucene's FuzzyQuery), {@code exists} and {@code bool}.
 */
final class OpenSearchQueries {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final int DETERMINIZE_WORK_LIMIT = 10_000;

    private OpenSearchQueries() {
    }

    static ObjectNode of(QueryNode node) {
        if (node instanceof QueryNode.MatchAll) {
            return leaf("match_all", F.objectNode());
        }
        if (node instanceof QueryNode.MatchNone) {
            return leaf("match_none", F.objectNode());
        }
        if (node instanceof QueryNode.Bool bool) {
            return bool(bool.clauses());
        }
        if (node instanceof QueryNode.Term t) {
            return field("term", t.field(), F.objectNode().put("value", t.value()));
        }
        if (node instanceof QueryNode.Phrase p) {
            return field("match_phrase", p.field(), F.objectNode().put("query", String.join(" ", p.terms()))
                    .put("slop", p.slop()).put("analyzer", "standard"));
        }
        if (node instanceof QueryNode.TermRange r) {
            ObjectNode range = F.objectNode();
            if (r.low() != null) {
                range.put(r.includeLow() ? "gte" : "gt", r.low());
            }
            if (r.high() != null) {
                range.put(r.includeHigh() ? "lte" : "lt", r.high());
            }
            return field("range", r.field(), range);
        }
        if (node instanceof QueryNode.Prefix p) {
            return field("prefix", p.field(), F.objectNode().put("value", p.prefix()));
        }
        if (node instanceof QueryNode.Wildcard w) {
            return field("wildcard", w.field(), F.objectNode().put("value", w.pattern()));
        }
        if (node instanceof QueryNode.Regexp r) {
            return field("regexp", r.field(), F.objectNode().put("value", r.pattern()).put("flags", "ALL")
                    .put("max_determinized_states", DETERMINIZE_WORK_LIMIT));
        }
        if (node instanceof QueryNode.Fuzzy f) {
            return field("fuzzy", f.field(), F.objectNode().put("value", f.term()).put("fuzziness", String.valueOf(f.maxEdits()))
                    .put("prefix_length", 0).put("max_expansions", 50).put("transpositions", true));
        }
        if (node instanceof QueryNode.Exists e) {
            return leaf("exists", F.objectNode().put("field", e.field()));
        }
        return numbers((QueryNode.NumberRange) node);
    }

    /** Lucene's Boolean semantics; a group with nothing to match first matches nothing, as in Lucene. */
    private static ObjectNode bool(List<QueryNode.Clause> clauses) {
        ObjectNode bool = F.objectNode();
        boolean positive = false;
        for (QueryNode.Clause c : clauses) {
            String occur = switch (c.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case MUST_NOT -> "must_not";
            };
            positive |= c.occur() != QueryNode.Occur.MUST_NOT;
            ArrayNode list = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
            list.add(of(c.node()));
        }
        return positive ? leaf("bool", bool) : leaf("match_none", F.objectNode());
    }

    private static ObjectNode numbers(QueryNode.NumberRange r) {
        boolean unsigned = IncidentFields.HEX_NUMBERS.contains(r.field());
        ObjectNode range = F.objectNode();
        if (r.from() != null) {
            range.set("gte", unsigned ? F.numberNode(IncidentDocuments.unsigned(r.from())) : F.numberNode(r.from()));
        }
        if (r.to() != null) {
            range.set("lte", unsigned ? F.numberNode(IncidentDocuments.unsigned(r.to())) : F.numberNode(r.to()));
        }
        if (r.field().equals(IncidentFields.TIME)) {
            range.put("format", "epoch_millis");
        }
        return field("range", r.field(), range);
    }

    private static ObjectNode field(String query, String field, JsonNode body) {
        ObjectNode inner = F.objectNode();
        inner.set(field, body);
        return leaf(query, inner);
    }

    private static ObjectNode leaf(String query, JsonNode body) {
        ObjectNode node = F.objectNode();
        node.set(query, body);
        return node;
    }
}
