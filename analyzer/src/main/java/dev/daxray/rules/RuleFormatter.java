package dev.daxray.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints rules in the one canonical layout: four-space indent, clauses in a fixed order (kind,
 * severity, rank, labels, suppress, by, pattern, title, summary, advice), conditions with only the
 * parentheses precedence needs (plus those around an {@code and} inside an {@code or}, for the
 * reader), lines of at most {@value #LINE} characters: long texts wrapped into several strings
 * (which the parser joins with a space), long conditions broken before a top-level {@code or} or
 * {@code and}. Comments stay where they were: one before a rule, a clause, a step or a closing
 * brace is printed before it (moving with it when clauses are put in order), one at the end of a
 * line stays at the end of that line. Parsing the output gives the same tree, positions aside.
 */
public final class RuleFormatter {

    private static final int LINE = 120;

    private RuleFormatter() {
    }

    public static String format(Ast.RuleFile file) {
        RuleComments comments = new RuleComments(file);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < file.rules().size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            rule(file.rules().get(i), comments, out);
        }
        List<Ast.Comment> end = comments.leading(file);
        if (!end.isEmpty()) {
            if (!file.rules().isEmpty()) {
                out.append('\n');
            }
            comments.block(end, "", out);
        }
        return out.toString();
    }

    /** One rule, without comments. */
    public static String rule(Ast.Rule rule) {
        StringBuilder out = new StringBuilder();
        rule(rule, new RuleComments(new Ast.RuleFile(rule.pos(), List.of(rule), List.of())), out);
        return out.toString();
    }

    private static void rule(Ast.Rule rule, RuleComments comments, StringBuilder out) {
        comments.block(comments.leading(rule), "", out);
        comments.line("rule " + rule.name().value() + " {", rule, out);
        List<Ast.Clause> clauses = new ArrayList<>(rule.clauses());
        clauses.sort(Comparator.comparingInt(RuleFormatter::order));
        for (Ast.Clause clause : clauses) {
            comments.block(comments.leading(clause), "    ", out);
            if (clause instanceof Ast.PatternClause p) {
                pattern(p, comments, out);
            } else {
                comments.lines(clauseLines(clause), clause, out);
            }
        }
        comments.block(comments.leading(rule.close()), "    ", out);
        comments.line("}", rule.close(), out);
    }

    private static void pattern(Ast.PatternClause p, RuleComments comments, StringBuilder out) {
        StringBuilder header = new StringBuilder("    ").append(p.shape().keyword());
        p.window().ifPresent(w -> header.append(" within ").append(w.text()));
        p.until().ifPresent(u -> header.append(" until ").append(pattern(u)));
        comments.line(header.append(" {").toString(), p, out);
        for (Ast.Step step : p.steps()) {
            comments.block(comments.leading(step), "        ", out);
            comments.lines(stepLines(step, "        "), step, out);
        }
        comments.block(comments.leading(p.close()), "        ", out);
        comments.line("    }", p.close(), out);
    }

    private static int order(Ast.Clause clause) {
        if (clause instanceof Ast.KindClause) {
            return 0;
        }
        if (clause instanceof Ast.SeverityClause) {
            return 1;
        }
        if (clause instanceof Ast.RankClause) {
            return 2;
        }
        if (clause instanceof Ast.LabelsClause) {
            return 3;
        }
        if (clause instanceof Ast.SuppressClause) {
            return 4;
        }
        if (clause instanceof Ast.ByClause) {
            return 5;
        }
        if (clause instanceof Ast.PatternClause) {
            return 6;
        }
        return 7 + ((Ast.TextClause) clause).field().ordinal();
    }

    /** The lines of a clause other than a pattern. */
    private static List<String> clauseLines(Ast.Clause clause) {
        if (clause instanceof Ast.KindClause k) {
            return List.of("    kind " + k.kind().value());
        }
        if (clause instanceof Ast.SeverityClause s) {
            return List.of("    severity " + s.level().value());
        }
        if (clause instanceof Ast.RankClause r) {
            return List.of("    rank " + r.rank());
        }
        if (clause instanceof Ast.LabelsClause l) {
            return List.of("    labels " + names(l.labels()));
        }
        if (clause instanceof Ast.SuppressClause s) {
            return List.of("    suppress " + names(s.kinds()));
        }
        if (clause instanceof Ast.ByClause b) {
            return List.of("    by " + names(b.keys()));
        }
        Ast.TextClause t = (Ast.TextClause) clause;
        String keyword = t.field().keyword();
        List<String> lines = new ArrayList<>();
        List<String> parts = wrap(t.text(), LINE - 7 - keyword.length());
        for (int i = 0; i < parts.size(); i++) {
            lines.add((i == 0 ? "    " + keyword + " " : " ".repeat(5 + keyword.length())) + quote(parts.get(i)));
        }
        return lines;
    }

    /** A step on one line, or, when longer than a line, broken before its condition's top-level {@code or}/{@code and}. */
    private static List<String> stepLines(Ast.Step step, String indent) {
        String one = indent + step(step);
        Ast.Pattern pattern = step.pattern();
        if (one.length() <= LINE || pattern.where().isEmpty()) {
            return List.of(one);
        }
        StringBuilder head = new StringBuilder(indent);
        String tail;
        if (step instanceof Ast.AbsentStep a) {
            head.append("not ");
            tail = keys(pattern) + " within " + a.window().text();
        } else {
            Ast.MatchStep m = (Ast.MatchStep) step;
            if (m.optional()) {
                head.append("optional ");
            }
            m.alias().ifPresent(alias -> head.append(alias.value()).append(": "));
            tail = keys(pattern) + (m.minCount() > 1 ? " count >= " + m.minCount() : "");
        }
        head.append(source(pattern)).append(" where ");
        Ast.Condition where = pattern.where().get();
        String op = where instanceof Ast.Or ? "or" : where instanceof Ast.And ? "and" : null;
        List<String> segments = op == null ? List.of(condition(where)) : chain(where, op.equals("or") ? 1 : 2);
        List<String> lines = new ArrayList<>();
        String continuation = indent + "    ";
        StringBuilder line = head.append(segments.get(0));
        for (String segment : segments.subList(1, segments.size())) {
            if (line.length() + op.length() + segment.length() + 2 > LINE) {
                lines.add(line.toString());
                line = new StringBuilder(continuation).append(op).append(' ').append(segment);
            } else {
                line.append(' ').append(op).append(' ').append(segment);
            }
        }
        if (!tail.isEmpty() && line.length() + tail.length() > LINE) {
            lines.add(line.toString());
            line = new StringBuilder(continuation).append(tail.strip());
        } else {
            line.append(tail);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The operands of a left-associative chain of the root's operator, each as it prints there. */
    private static List<String> chain(Ast.Condition c, int precedence) {
        List<String> out = new ArrayList<>();
        Ast.Condition at = c;
        List<Ast.Condition> rights = new ArrayList<>();
        while (precedence == 1 ? at instanceof Ast.Or : at instanceof Ast.And) {
            Ast.Condition left = at instanceof Ast.Or o ? o.left() : ((Ast.And) at).left();
            rights.add(0, at instanceof Ast.Or o ? o.right() : ((Ast.And) at).right());
            at = left;
        }
        out.add(operand(at, precedence, false));
        rights.forEach(r -> out.add(operand(r, precedence, true)));
        return out;
    }

    public static String step(Ast.Step step) {
        if (step instanceof Ast.AbsentStep a) {
            return "not " + pattern(a.pattern()) + " within " + a.window().text();
        }
        Ast.MatchStep m = (Ast.MatchStep) step;
        StringBuilder out = new StringBuilder();
        if (m.optional()) {
            out.append("optional ");
        }
        m.alias().ifPresent(a -> out.append(a.value()).append(": "));
        out.append(pattern(m.pattern()));
        if (m.minCount() > 1) {
            out.append(" count >= ").append(m.minCount());
        }
        return out.toString();
    }

    public static String pattern(Ast.Pattern pattern) {
        StringBuilder out = new StringBuilder(source(pattern));
        pattern.where().ifPresent(c -> out.append(" where ").append(condition(c)));
        return out.append(keys(pattern)).toString();
    }

    private static String source(Ast.Pattern pattern) {
        return (pattern.source() instanceof Ast.FindingSource ? "finding " : "") + pattern.source().name().value();
    }

    private static String keys(Ast.Pattern pattern) {
        return pattern.keys().isEmpty() ? ""
                : " by " + pattern.keys().stream().map(RuleFormatter::keyExpr).collect(Collectors.joining(", "));
    }

    private static String keyExpr(Ast.KeyExpr expr) {
        StringBuilder out = new StringBuilder(expr.field().value());
        for (Ast.KeyOp op : expr.ops()) {
            out.append(' ').append(op.operator().symbol()).append(' ').append(op.operandText());
        }
        return out.toString();
    }

    public static String condition(Ast.Condition c) {
        if (c instanceof Ast.Or o) {
            return operand(o.left(), 1, false) + " or " + operand(o.right(), 1, true);
        }
        if (c instanceof Ast.And a) {
            return operand(a.left(), 2, false) + " and " + operand(a.right(), 2, true);
        }
        if (c instanceof Ast.Not n) {
            return "not " + operand(n.operand(), 3, false);
        }
        if (c instanceof Ast.Compare cmp) {
            return cmp.field().value() + " " + cmp.op().symbol() + " " + literal(cmp.value());
        }
        if (c instanceof Ast.InList in) {
            return in.field().value() + (in.negated() ? " not in (" : " in (")
                    + in.values().stream().map(RuleFormatter::literal).collect(Collectors.joining(", ")) + ")";
        }
        Ast.TextTest t = (Ast.TextTest) c;
        return t.field().value() + " " + t.op().keyword() + " " + quote(t.value());
    }

    private static int precedence(Ast.Condition c) {
        if (c instanceof Ast.Or) {
            return 1;
        }
        if (c instanceof Ast.And) {
            return 2;
        }
        if (c instanceof Ast.Not) {
            return 3;
        }
        return 4;
    }

    /**
     * A child condition, parenthesised when it binds less tightly than its parent needs, and an
     * {@code and} inside an {@code or} (which it binds tighter than, but readers should not have to know).
     */
    private static String operand(Ast.Condition child, int parent, boolean right) {
        int p = precedence(child);
        boolean parens = (right ? p <= parent : p < parent) || parent == 1 && child instanceof Ast.And;
        String text = condition(child);
        return parens ? "(" + text + ")" : text;
    }

    private static String literal(Ast.Literal literal) {
        if (literal instanceof Ast.StringLiteral s) {
            return quote(s.value());
        }
        if (literal instanceof Ast.NumberLiteral n) {
            return n.text();
        }
        if (literal instanceof Ast.BooleanLiteral b) {
            return Boolean.toString(b.value());
        }
        return "null";
    }

    private static String names(List<Ast.Name> names) {
        return names.stream().map(Ast.Name::value).collect(Collectors.joining(", "));
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Splits at single spaces so that joining the parts with one space gives the text back. */
    static List<String> wrap(String text, int width) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            while (cut > 0 && (rest.charAt(cut - 1) == ' ' || cut + 1 >= rest.length() || rest.charAt(cut + 1) == ' ')) {
                cut = rest.lastIndexOf(' ', cut - 1);
            }
            if (cut <= 0) {
                break;
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1);
        }
        parts.add(rest);
        return parts;
    }
}
