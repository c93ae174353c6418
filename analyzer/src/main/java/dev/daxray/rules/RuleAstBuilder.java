package dev.daxray.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import dev.daxray.grammar.rules.RulesBaseVisitor;
import dev.daxray.grammar.rules.RulesParser;

/**
 * Builds the {@link Ast} from a parse tree that had no syntax errors: one {@code visitX} per
 * labelled alternative, each making one record. Values the grammar cannot check (a number too big
 * for 64 bits) are collected as problems rather than thrown one at a time.
 */
final class RuleAstBuilder extends RulesBaseVisitor<Ast.Node> {

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    RuleAstBuilder(String file) {
        this.file = file;
    }

    List<Problem> problems() {
        return problems;
    }

    @Override
    public Ast.RuleFile visitRulesFile(RulesParser.RulesFileContext ctx) {
        return new Ast.RuleFile(new Pos(file, 1, 1), visitList(ctx.ruleDecl(), this::visitRuleDecl), List.of());
    }

    @Override
    public Ast.Rule visitRuleDecl(RulesParser.RuleDeclContext ctx) {
        return new Ast.Rule(pos(ctx), visitName(ctx.name()), visitList(ctx.clause(), c -> (Ast.Clause) visit(c)),
                pos(ctx.RBRACE().getSymbol()));
    }

    // ---- clauses

    @Override
    public Ast.Clause visitKindClause(RulesParser.KindClauseContext ctx) {
        return new Ast.KindClause(pos(ctx), visitName(ctx.name()));
    }

    @Override
    public Ast.Clause visitSeverityClause(RulesParser.SeverityClauseContext ctx) {
        return new Ast.SeverityClause(pos(ctx), visitName(ctx.name()));
    }

    @Override
    public Ast.Clause visitRankClause(RulesParser.RankClauseContext ctx) {
        return new Ast.RankClause(pos(ctx), (int) Math.min(Integer.MAX_VALUE, number(ctx.INT().getSymbol())));
    }

    @Override
    public Ast.Clause visitLabelsClause(RulesParser.LabelsClauseContext ctx) {
        return new Ast.LabelsClause(pos(ctx), visitList(ctx.name(), this::visitName));
    }

    @Override
    public Ast.Clause visitSuppressClause(RulesParser.SuppressClauseContext ctx) {
        return new Ast.SuppressClause(pos(ctx), visitList(ctx.name(), this::visitName));
    }

    @Override
    public Ast.Clause visitByClause(RulesParser.ByClauseContext ctx) {
        return new Ast.ByClause(pos(ctx), visitList(ctx.name(), this::visitName));
    }

    @Override
    public Ast.Clause visitPatternClause(RulesParser.PatternClauseContext ctx) {
        Ast.Shape shape = ctx.shape.getType() == RulesParser.SEQUENCE ? Ast.Shape.SEQUENCE : Ast.Shape.GROUP;
        return new Ast.PatternClause(pos(ctx), shape, visitIfPresent(ctx.duration(), this::visitDuration),
                visitIfPresent(ctx.pattern(), this::visitPattern), visitList(ctx.step(), s -> (Ast.Step) visit(s)),
                pos(ctx.RBRACE().getSymbol()));
    }

    @Override
    public Ast.Clause visitTitleClause(RulesParser.TitleClauseContext ctx) {
        return new Ast.TextClause(pos(ctx), Ast.TextField.TITLE, text(ctx.text()));
    }

    @Override
    public Ast.Clause visitSummaryClause(RulesParser.SummaryClauseContext ctx) {
        return new Ast.TextClause(pos(ctx), Ast.TextField.SUMMARY, text(ctx.text()));
    }

    @Override
    public Ast.Clause visitAdviceClause(RulesParser.AdviceClauseContext ctx) {
        return new Ast.TextClause(pos(ctx), Ast.TextField.ADVICE, text(ctx.text()));
    }

    // ---- steps

    @Override
    public Ast.Step visitMatchStep(RulesParser.MatchStepContext ctx) {
        int count = ctx.INT() == null ? 1 : (int) Math.min(Integer.MAX_VALUE, number(ctx.INT().getSymbol()));
        if (count < 1) {
            problems.add(new Problem(pos(ctx.INT().getSymbol()), "count must be at least [1], got [" + count + "]"));
            count = 1;
        }
        return new Ast.MatchStep(pos(ctx), ctx.OPTIONAL() != null, visitIfPresent(ctx.alias, this::visitName),
                visitPattern(ctx.pattern()), count);
    }

    @Override
    public Ast.Step visitAbsentStep(RulesParser.AbsentStepContext ctx) {
        return new Ast.AbsentStep(pos(ctx), visitPattern(ctx.pattern()), visitDuration(ctx.duration()));
    }

    @Override
    public Ast.Pattern visitPattern(RulesParser.PatternContext ctx) {
        return new Ast.Pattern(pos(ctx), (Ast.Source) visit(ctx.source()),
                visitIfPresent(ctx.condition(), c -> (Ast.Condition) visit(c)),
                visitList(ctx.keyExpr(), this::visitKeyExpr));
    }

    @Override
    public Ast.Source visitFindingSource(RulesParser.FindingSourceContext ctx) {
        return new Ast.FindingSource(pos(ctx), visitName(ctx.name()));
    }

    @Override
    public Ast.Source visitEventSource(RulesParser.EventSourceContext ctx) {
        return new Ast.EventSource(pos(ctx), visitName(ctx.name()));
    }

    @Override
    public Ast.KeyExpr visitKeyExpr(RulesParser.KeyExprContext ctx) {
        List<Ast.KeyOp> ops = new ArrayList<>();
        for (int i = 0; i < ctx.number().size(); i++) {
            Token operator = ((org.antlr.v4.runtime.tree.TerminalNode) ctx.getChild(1 + 2 * i)).getSymbol();
            Ast.KeyOperator op = switch (operator.getType()) {
                case RulesParser.SHR -> Ast.KeyOperator.SHR;
                case RulesParser.SHL -> Ast.KeyOperator.SHL;
                case RulesParser.AMP -> Ast.KeyOperator.AND;
                default -> throw new IllegalStateException("key operator " + operator.getText());
            };
            Token operand = ctx.number(i).getStart();
            ops.add(new Ast.KeyOp(op, number(operand), operand.getText()));
        }
        return new Ast.KeyExpr(pos(ctx), visitName(ctx.field().name()), ops);
    }

    // ---- conditions

    @Override
    public Ast.Condition visitNotCondition(RulesParser.NotConditionContext ctx) {
        return new Ast.Not(pos(ctx), (Ast.Condition) visit(ctx.condition()));
    }

    @Override
    public Ast.Condition visitAndCondition(RulesParser.AndConditionContext ctx) {
        return new Ast.And(pos(ctx), (Ast.Condition) visit(ctx.condition(0)), (Ast.Condition) visit(ctx.condition(1)));
    }

    @Override
    public Ast.Condition visitOrCondition(RulesParser.OrConditionContext ctx) {
        return new Ast.Or(pos(ctx), (Ast.Condition) visit(ctx.condition(0)), (Ast.Condition) visit(ctx.condition(1)));
    }

    @Override
    public Ast.Condition visitParenCondition(RulesParser.ParenConditionContext ctx) {
        return (Ast.Condition) visit(ctx.condition());
    }

    @Override
    public Ast.Condition visitCompareCondition(RulesParser.CompareConditionContext ctx) {
        Ast.CompareOp op = switch (ctx.op.getType()) {
            case RulesParser.EQ -> Ast.CompareOp.EQ;
            case RulesParser.NE -> Ast.CompareOp.NE;
            case RulesParser.LT -> Ast.CompareOp.LT;
            case RulesParser.GT -> Ast.CompareOp.GT;
            case RulesParser.LE -> Ast.CompareOp.LE;
            case RulesParser.GE -> Ast.CompareOp.GE;
            default -> throw new IllegalStateException("comparison " + ctx.op.getText());
        };
        return new Ast.Compare(pos(ctx), visitName(ctx.field().name()), op, (Ast.Literal) visit(ctx.literal()));
    }

    @Override
    public Ast.Condition visitInCondition(RulesParser.InConditionContext ctx) {
        return new Ast.InList(pos(ctx), visitName(ctx.field().name()), ctx.NOT() != null,
                visitList(ctx.literal(), l -> (Ast.Literal) visit(l)));
    }

    @Override
    public Ast.Condition visitMatchesCondition(RulesParser.MatchesConditionContext ctx) {
        return new Ast.TextTest(pos(ctx), visitName(ctx.field().name()), Ast.TextOp.MATCHES, string(ctx.STRING().getSymbol()));
    }

    @Override
    public Ast.Condition visitPrefixCondition(RulesParser.PrefixConditionContext ctx) {
        return new Ast.TextTest(pos(ctx), visitName(ctx.field().name()), Ast.TextOp.PREFIX, string(ctx.STRING().getSymbol()));
    }

    @Override
    public Ast.Condition visitContainsCondition(RulesParser.ContainsConditionContext ctx) {
        return new Ast.TextTest(pos(ctx), visitName(ctx.field().name()), Ast.TextOp.CONTAINS, string(ctx.STRING().getSymbol()));
    }

    // ---- literals and names

    @Override
    public Ast.Literal visitStringLiteral(RulesParser.StringLiteralContext ctx) {
        return new Ast.StringLiteral(pos(ctx), string(ctx.STRING().getSymbol()));
    }

    @Override
    public Ast.Literal visitNumberLiteral(RulesParser.NumberLiteralContext ctx) {
        Token token = ctx.number().getStart();
        return new Ast.NumberLiteral(pos(ctx), number(token), token.getText());
    }

    @Override
    public Ast.Literal visitNullLiteral(RulesParser.NullLiteralContext ctx) {
        return new Ast.NullLiteral(pos(ctx));
    }

    @Override
    public Ast.Literal visitBooleanLiteral(RulesParser.BooleanLiteralContext ctx) {
        return new Ast.BooleanLiteral(pos(ctx), ctx.TRUE() != null);
    }

    @Override
    public Ast.Name visitName(RulesParser.NameContext ctx) {
        return new Ast.Name(pos(ctx), ctx.getText());
    }

    @Override
    public Ast.Duration visitDuration(RulesParser.DurationContext ctx) {
        String text = ctx.getText();
        int split = 0;
        while (split < text.length() && Character.isDigit(text.charAt(split))) {
            split++;
        }
        long multiplier = switch (text.substring(split)) {
            case "us" -> 1L;
            case "ms" -> 1_000L;
            case "s" -> 1_000_000L;
            case "m" -> 60_000_000L;
            case "h" -> 3_600_000_000L;
            default -> throw new IllegalStateException("duration unit in " + text);
        };
        long micros;
        try {
            micros = Math.multiplyExact(Long.parseLong(text.substring(0, split)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            problems.add(new Problem(pos(ctx), "duration [" + text + "] is too long"));
            micros = Long.MAX_VALUE;
        }
        return new Ast.Duration(pos(ctx), micros, text);
    }

    @Override
    protected Ast.Node defaultResult() {
        throw new IllegalStateException("no builder for this parse tree node");
    }

    // ---- helpers

    private static <C, T> List<T> visitList(List<C> contexts, Function<C, T> visit) {
        List<T> list = new ArrayList<>(contexts.size());
        for (C c : contexts) {
            list.add(visit.apply(c));
        }
        return list;
    }

    private static <C, T> Optional<T> visitIfPresent(C context, Function<C, T> visit) {
        return context == null ? Optional.empty() : Optional.of(visit.apply(context));
    }

    private Pos pos(ParserRuleContext ctx) {
        return pos(ctx.getStart());
    }

    private Pos pos(Token token) {
        return new Pos(file, token.getLine(), token.getCharPositionInLine() + 1);
    }

    private long number(Token token) {
        String text = token.getText();
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            problems.add(new Problem(pos(token), "number [" + text + "] does not fit in 64 bits"));
            return 0;
        }
    }

    private String text(RulesParser.TextContext ctx) {
        List<String> parts = new ArrayList<>();
        for (org.antlr.v4.runtime.tree.TerminalNode s : ctx.STRING()) {
            parts.add(string(s.getSymbol()));
        }
        return String.join(" ", parts);
    }

    /** A string literal's value: {@code \"}, {@code \\}, {@code \n}, {@code \t} unescaped, any other backslash kept (regexes). */
    static String string(Token token) {
        String quoted = token.getText();
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(i + 1);
                switch (next) {
                    case '"', '\\' -> { out.append(next); i++; }
                    case 'n' -> { out.append('\n'); i++; }
                    case 't' -> { out.append('\t'); i++; }
                    default -> out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
