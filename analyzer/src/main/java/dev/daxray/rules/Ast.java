package dev.daxray.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule language's syntax tree, as written: names are unresolved strings, clauses stay in the
 * order the author wrote them. {@link RuleBinder} turns it into {@link BoundRule}s against the event
 * schema; {@link RuleFormatter} prints it back.
 */
public final class Ast {

    private Ast() {
    }

    /** Every node knows where it was written. */
    public sealed interface Node permits RuleFile, Rule, Clause, Name, Duration, Step, Pattern, Source, Condition,
            Literal, KeyExpr, Comment {
        Pos pos();
    }

    /** A file's rules and its comments (which mean nothing to the engine; {@link RuleFormatter} keeps them). */
    public record RuleFile(Pos pos, List<Rule> rules, List<Comment> comments) implements Node {
        public RuleFile {
            rules = List.copyOf(rules);
            comments = List.copyOf(comments);
        }
    }

    /**
     * A {@code #} comment as written ({@code text} starts with {@code #}): {@code trailing} when code
     * precedes it on its line, {@code blankAfter} when an empty line follows it.
     */
    public record Comment(Pos pos, String text, boolean trailing, boolean blankAfter) implements Node {
    }

    /** {@code close}: where the rule's closing brace is (comments before it stay inside the rule). */
    public record Rule(Pos pos, Name name, List<Clause> clauses, Pos close) implements Node {
        public Rule {
            clauses = List.copyOf(clauses);
        }
    }

    /** A name as written: a rule, kind, type, field, key, alias or severity. */
    public record Name(Pos pos, String value) implements Node {
        public Name {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A duration literal such as {@code 30s}, kept with its text so the formatter prints it back. */
    public record Duration(Pos pos, long micros, String text) implements Node {
    }

    // ---- clauses

    public sealed interface Clause extends Node permits KindClause, SeverityClause, RankClause, LabelsClause,
            SuppressClause, ByClause, PatternClause, TextClause {
    }

    public record KindClause(Pos pos, Name kind) implements Clause {
    }

    public record SeverityClause(Pos pos, Name level) implements Clause {
    }

    public record RankClause(Pos pos, int rank) implements Clause {
    }

    public record LabelsClause(Pos pos, List<Name> labels) implements Clause {
        public LabelsClause {
            labels = List.copyOf(labels);
        }
    }

    public record SuppressClause(Pos pos, List<Name> kinds) implements Clause {
        public SuppressClause {
            kinds = List.copyOf(kinds);
        }
    }

    public record ByClause(Pos pos, List<Name> keys) implements Clause {
        public ByClause {
            keys = List.copyOf(keys);
        }
    }

    public enum Shape {
        SEQUENCE, GROUP;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code close}: where the pattern's closing brace is. */
    public record PatternClause(Pos pos, Shape shape, Optional<Duration> window, Optional<Pattern> until,
                                List<Step> steps, Pos close) implements Clause {
        public PatternClause {
            steps = List.copyOf(steps);
        }
    }

    public enum TextField {
        TITLE, SUMMARY, ADVICE;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record TextClause(Pos pos, TextField field, String text) implements Clause {
    }

    // ---- steps and patterns

    public sealed interface Step extends Node permits MatchStep, AbsentStep {
        Pattern pattern();
    }

    /** A step that must (or, when optional, may) be seen; {@code minCount} > 1 makes it a threshold. */
    public record MatchStep(Pos pos, boolean optional, Optional<Name> alias, Pattern pattern, int minCount)
            implements Step {
        public MatchStep {
            if (minCount < 1) {
                throw new IllegalArgumentException("count must be at least 1");
            }
        }
    }

    /** {@code not <pattern> within <duration>}: nothing like it may follow the previous step. */
    public record AbsentStep(Pos pos, Pattern pattern, Duration window) implements Step {
    }

    public record Pattern(Pos pos, Source source, Optional<Condition> where, List<KeyExpr> keys) implements Node {
        public Pattern {
            keys = List.copyOf(keys);
        }
    }

    public sealed interface Source extends Node permits EventSource, FindingSource {
        Name name();
    }

    /** An event type, e.g. {@code memory-failure}. */
    public record EventSource(Pos pos, Name name) implements Source {
    }

    /** {@code finding <kind>}: the findings of other rules. */
    public record FindingSource(Pos pos, Name name) implements Source {
    }

    /** A key expression: a field, optionally shifted or masked ({@code physAddr >> 12}). */
    public record KeyExpr(Pos pos, Name field, List<KeyOp> ops) implements Node {
        public KeyExpr {
            ops = List.copyOf(ops);
        }
    }

    public enum KeyOperator {
        SHR(">>"), SHL("<<"), AND("&");

        private final String symbol;

        KeyOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public record KeyOp(KeyOperator operator, long operand, String operandText) {
    }

    // ---- conditions

    public sealed interface Condition extends Node permits Not, And, Or, Compare, InList, TextTest {
    }

    public record Not(Pos pos, Condition operand) implements Condition {
    }

    public record And(Pos pos, Condition left, Condition right) implements Condition {
    }

    public record Or(Pos pos, Condition left, Condition right) implements Condition {
    }

    public enum CompareOp {
        EQ("=="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">=");

        private final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public record Compare(Pos pos, Name field, CompareOp op, Literal value) implements Condition {
    }

    public record InList(Pos pos, Name field, boolean negated, List<Literal> values) implements Condition {
        public InList {
            values = List.copyOf(values);
        }
    }

    public enum TextOp {
        MATCHES, PREFIX, CONTAINS;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code field matches "re"}, {@code field prefix "p"}, {@code field contains "s"}. */
    public record TextTest(Pos pos, Name field, TextOp op, String value) implements Condition {
    }

    // ---- literals

    public sealed interface Literal extends Node permits StringLiteral, NumberLiteral, NullLiteral, BooleanLiteral {
    }

    public record StringLiteral(Pos pos, String value) implements Literal {
    }

    /** A decimal or hex number, unsigned 64-bit; {@code text} keeps the way it was written. */
    public record NumberLiteral(Pos pos, long value, String text) implements Literal {
    }

    public record NullLiteral(Pos pos) implements Literal {
    }

    public record BooleanLiteral(Pos pos, boolean value) implements Literal {
    }
}
