package dev.daxray.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

import dev.daxray.events.Hex;

/**
 * Binds a pattern's {@code where} condition and {@code by} key expressions against the fields of
 * its source: names resolved, literals type-checked against the field they meet, regular
 * expressions compiled with their bounds. Problems are reported, never thrown, so every mistake
 * of a rule file is listed at once; a condition with a problem matches nothing.
 */
final class ConditionBinder {

    private static final Object INVALID = new Object();

    private final List<Problem> problems;
    private final List<RuleSet.Regex> regexes;

    /**
     * @param problems where problems go
     * @param regexes  where compiled {@code matches} patterns go (the rule set checks their cost)
     */
    ConditionBinder(List<Problem> problems, List<RuleSet.Regex> regexes) {
        this.problems = problems;
        this.regexes = regexes;
    }

    /** A key expression's reader: a field, shifted or masked when the expression says so. */
    Function<Fact, Object> keyExpr(Ast.KeyExpr expr, Fields fields, String type) {
        Class<?> fieldType = field(expr.field(), fields, type);
        if (fieldType == null) {
            return f -> null;
        }
        Function<Fact, Object> reader = fields.reader().apply(expr.field().value());
        if (expr.ops().isEmpty()) {
            return reader;
        }
        if (fieldType != Hex.class && fieldType != Long.class && fieldType != Integer.class) {
            problem(expr.pos(), "[" + expr.ops().get(0).operator().symbol() + "] needs a whole number; field ["
                    + expr.field().value() + "] of [" + type + "] is " + FieldTypes.describe(fieldType));
            return f -> null;
        }
        List<Ast.KeyOp> ops = expr.ops();
        return fact -> {
            Object v = reader.apply(fact);
            if (v == null) {
                return null;
            }
            long value = v instanceof Hex h ? h.value() : ((Number) v).longValue();
            for (Ast.KeyOp op : ops) {
                value = switch (op.operator()) {
                    case SHR -> value >>> op.operand();
                    case SHL -> value << op.operand();
                    case AND -> value & op.operand();
                };
            }
            return v instanceof Hex ? new Hex(value) : (Object) value;
        };
    }

    private Class<?> field(Ast.Name name, Fields fields, String type) {
        Class<?> t = fields.types().get(name.value());
        if (t == null) {
            problem(name.pos(), "unknown field [" + name.value() + "] of [" + type + "]; it has: "
                    + String.join(", ", fields.types().keySet()) + DidYouMean.hint(name.value(), fields.types().keySet()));
        }
        return t;
    }

    /** The condition as a test of a fact. */
    Predicate<Fact> condition(Ast.Condition condition, Fields fields, String type) {
        if (condition instanceof Ast.Not n) {
            return condition(n.operand(), fields, type).negate();
        }
        if (condition instanceof Ast.And a) {
            return condition(a.left(), fields, type).and(condition(a.right(), fields, type));
        }
        if (condition instanceof Ast.Or o) {
            return condition(o.left(), fields, type).or(condition(o.right(), fields, type));
        }
        if (condition instanceof Ast.Compare c) {
            return compare(c, fields, type);
        }
        if (condition instanceof Ast.InList in) {
            return inList(in, fields, type);
        }
        return textTest((Ast.TextTest) condition, fields, type);
    }

    private Predicate<Fact> compare(Ast.Compare c, Fields fields, String type) {
        Class<?> fieldType = field(c.field(), fields, type);
        if (fieldType == null) {
            return f -> false;
        }
        Function<Fact, Object> reader = fields.reader().apply(c.field().value());
        Object literal = literal(c.value(), c.field().value(), fieldType, c.op() == Ast.CompareOp.EQ || c.op() == Ast.CompareOp.NE);
        if (literal == INVALID) {
            return f -> false;
        }
        return switch (c.op()) {
            case EQ -> f -> Values.equalsLiteral(reader.apply(f), literal);
            case NE -> f -> !Values.equalsLiteral(reader.apply(f), literal);
            case LT -> f -> ordered(reader.apply(f), literal, d -> d < 0);
            case GT -> f -> ordered(reader.apply(f), literal, d -> d > 0);
            case LE -> f -> ordered(reader.apply(f), literal, d -> d <= 0);
            case GE -> f -> ordered(reader.apply(f), literal, d -> d >= 0);
        };
    }

    private static boolean ordered(Object value, Object literal, IntPredicate test) {
        return value != null && test.test(Values.compareNumber(value, (Long) literal));
    }

    private Predicate<Fact> inList(Ast.InList in, Fields fields, String type) {
        Class<?> fieldType = field(in.field(), fields, type);
        if (fieldType == null) {
            return f -> false;
        }
        Function<Fact, Object> reader = fields.reader().apply(in.field().value());
        List<Object> literals = new ArrayList<>();
        for (Ast.Literal l : in.values()) {
            Object v = literal(l, in.field().value(), fieldType, true);
            if (v != INVALID) {
                literals.add(v);
            }
        }
        Predicate<Fact> any = f -> {
            Object value = reader.apply(f);
            for (Object l : literals) {
                if (Values.equalsLiteral(value, l)) {
                    return true;
                }
            }
            return false;
        };
        return in.negated() ? any.negate() : any;
    }

    private Predicate<Fact> textTest(Ast.TextTest t, Fields fields, String type) {
        Class<?> fieldType = field(t.field(), fields, type);
        if (fieldType == null) {
            return f -> false;
        }
        if (fieldType != String.class && fieldType != List.class) {
            problem(t.pos(), "[" + t.op().keyword() + "] needs text; field [" + t.field().value() + "] of [" + type
                    + "] is " + FieldTypes.describe(fieldType));
            return f -> false;
        }
        Predicate<String> test = switch (t.op()) {
            case PREFIX -> s -> s.startsWith(t.value());
            case CONTAINS -> s -> s.contains(t.value());
            case MATCHES -> {
                try {
                    BoundedRegex regex = BoundedRegex.compile(t.value());
                    regexes.add(new RuleSet.Regex(t.pos(), regex));
                    yield regex::find;
                } catch (PatternSyntaxException e) {
                    problem(t.pos(), "bad regular expression [" + t.value() + "]: " + e.getDescription()
                            + " near index " + e.getIndex());
                    yield s -> false;
                } catch (IllegalArgumentException e) {
                    problem(t.pos(), e.getMessage());
                    yield s -> false;
                }
            }
        };
        Function<Fact, Object> reader = fields.reader().apply(t.field().value());
        return f -> {
            Object value = reader.apply(f);
            if (value instanceof String s) {
                return test.test(s);
            }
            if (value instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof String s && test.test(s)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /** The literal's value for a comparison with a field of {@code fieldType}, or {@link #INVALID}. */
    private Object literal(Ast.Literal literal, String field, Class<?> fieldType, boolean equality) {
        if (literal instanceof Ast.NullLiteral n) {
            if (!equality) {
                problem(n.pos(), "only == and != compare with [null]");
                return INVALID;
            }
            return null;
        }
        if (fieldType == Map.class) {
            problem(literal.pos(), "field [" + field + "] is " + FieldTypes.describe(fieldType) + ", which rules cannot compare;"
                    + " test the event's line instead, e.g. text contains \""
                    + (literal instanceof Ast.StringLiteral s ? s.value() : field + "=") + "\"");
            return INVALID;
        }
        if (literal instanceof Ast.StringLiteral s) {
            if (fieldType == String.class || fieldType == List.class) {
                if (!equality) {
                    problem(s.pos(), "[<] and [>] compare numbers; field [" + field + "] is " + FieldTypes.describe(fieldType));
                    return INVALID;
                }
                return s.value();
            }
            problem(s.pos(), "field [" + field + "] is " + FieldTypes.describe(fieldType) + ", not text; " + FieldTypes.instead(fieldType)
                    + " instead of [\"" + s.value() + "\"]");
            return INVALID;
        }
        if (literal instanceof Ast.NumberLiteral n) {
            if (FindingSchema.numeric(fieldType)) {
                return n.value();
            }
            problem(n.pos(), "field [" + field + "] is " + FieldTypes.describe(fieldType) + ", not a number; " + FieldTypes.instead(fieldType)
                    + " instead of [" + n.text() + "]");
            return INVALID;
        }
        Ast.BooleanLiteral b = (Ast.BooleanLiteral) literal;
        if (fieldType == Boolean.class && equality) {
            return b.value();
        }
        problem(b.pos(), "field [" + field + "] is " + FieldTypes.describe(fieldType) + ", not true/false; " + FieldTypes.instead(fieldType)
                + " instead of [" + b.value() + "]");
        return INVALID;
    }

    private void problem(Pos pos, String message) {
        problems.add(new Problem(pos, message));
    }
}
