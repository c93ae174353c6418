package dev.daxray.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints rules in the one canonical layout: four-space indent, clauses in a fixed order (kind,
 * severity, rank, labels, suppress, by, pattern, title, summary, advice), conditions with only the
 * parentheses precedence needs, long texts wrapped into several strings (which the parser joins
 * with a space). Parsing the output gives the same tree, positions aside.
 */
public final class RuleFormatter {

    private static final int WRAP = 96;

    private RuleFormatter() {
    }

    public static String format(Ast.RuleFile file) {
        return file.rules().stream().map(RuleFormatter::rule).collect(Collectors.joining("\n"));
    }

    public static String rule(Ast.Rule rule) {
        StringBuilder out = new StringBuilder();
        out.append("rule ").append(rule.name().value()).append(" {\n");
        List<Ast.Clause> clauses = new ArrayList<>(rule.clauses());
        clauses.sort(Comparator.comparingInt(RuleFormatter::order));
        for (Ast.Clause clause : clauses) {
            clause(clause, out);
        }
        out.append("}\n");
        return out.toString();
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

    private static void clause(Ast.Clause clause, StringBuilder out) {
        out.append("    ");
        if (clause instanceof Ast.KindClause k) {
            out.append("kind ").append(k.kind().value());
        } else if (clause instanceof Ast.SeverityClause s) {
            out.append("severity ").append(s.level().value());
        } else if (clause instanceof Ast.RankClause r) {
            out.append("rank ").append(r.rank());
        } else if (clause instanceof Ast.LabelsClause l) {
            out.append("labels ").append(names(l.labels()));
        } else if (clause instanceof Ast.SuppressClause s) {
            out.append("suppress ").append(names(s.kinds()));
        } else if (clause instanceof Ast.ByClause b) {
            out.append("by ").append(names(b.keys()));
        } else if (clause instanceof Ast.PatternClause p) {
            out.append(p.shape().keyword());
            p.window().ifPresent(w -> out.append(" within ").append(w.text()));
            p.until().ifPresent(u -> out.append(" until ").append(pattern(u)));
            out.append(" {\n");
            for (Ast.Step step : p.steps()) {
                out.append("        ").append(step(step)).append('\n');
            }
            out.append("    }");
        } else {
            Ast.TextClause t = (Ast.TextClause) clause;
            String keyword = t.field().keyword();
            out.append(keyword).append(' ');
            List<String> parts = wrap(t.text(), WRAP - keyword.length());
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    out.append('\n').append(" ".repeat(5 + keyword.length()));
                }
                out.append(quote(parts.get(i)));
            }
        }
        out.append('\n');
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
        StringBuilder out = new StringBuilder();
        if (pattern.source() instanceof Ast.FindingSource) {
            out.append("finding ");
        }
        out.append(pattern.source().name().value());
        pattern.where().ifPresent(c -> out.append(" where ").append(condition(c)));
        if (!pattern.keys().isEmpty()) {
            out.append(" by ").append(pattern.keys().stream().map(RuleFormatter::keyExpr).collect(Collectors.joining(", ")));
        }
        return out.toString();
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

    /** A child condition, parenthesised when it binds less tightly than its parent needs. */
    private static String operand(Ast.Condition child, int parent, boolean right) {
        int p = precedence(child);
        boolean parens = right ? p <= parent : p < parent;
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
