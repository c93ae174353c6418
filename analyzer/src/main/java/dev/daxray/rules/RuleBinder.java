package dev.daxray.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

import dev.daxray.events.EventSchema;
import dev.daxray.events.Hex;

/**
 * Binds parsed rules against the {@link EventSchema}: resolves event types, fields, finding kinds,
 * aliases and template references; type-checks conditions; computes join-key readers; checks that
 * every rule is bounded; orders rules into layers by the findings they read. All problems of all
 * files are reported at once, each at its position, with "did you mean" where a name is close.
 */
public final class RuleBinder {

    private final EventSchema schema = EventSchema.get();
    private final List<Problem> problems = new ArrayList<>();
    private final List<RuleSet.Regex> regexes = new ArrayList<>();

    private RuleBinder() {
    }

    /** Binds every rule of {@code files} or throws a {@link RuleException} listing every problem. */
    public static RuleSet bind(List<Ast.RuleFile> files) {
        RuleBinder binder = new RuleBinder();
        RuleSet set = binder.bindAll(files);
        if (!binder.problems.isEmpty()) {
            throw new RuleException(binder.problems);
        }
        return set;
    }

    private RuleSet bindAll(List<Ast.RuleFile> files) {
        Map<String, Ast.Rule> byName = new LinkedHashMap<>();
        Map<String, String> kindOf = new LinkedHashMap<>();
        for (Ast.RuleFile file : files) {
            for (Ast.Rule rule : file.rules()) {
                Ast.Rule first = byName.putIfAbsent(rule.name().value(), rule);
                if (first != null) {
                    problem(rule.name().pos(), "duplicate rule [" + rule.name().value() + "]; the first is at "
                            + first.name().pos().location());
                    continue;
                }
                String kind = rule.clauses().stream().filter(Ast.KindClause.class::isInstance)
                        .map(c -> ((Ast.KindClause) c).kind().value()).findFirst().orElse(rule.name().value());
                kindOf.put(rule.name().value(), kind);
            }
        }
        Set<String> kinds = new LinkedHashSet<>(kindOf.values());
        List<Draft> drafts = new ArrayList<>();
        for (Ast.Rule rule : byName.values()) {
            Draft draft = bindRule(rule, kindOf.get(rule.name().value()), kinds);
            if (draft != null) {
                drafts.add(draft);
            }
        }
        Map<String, Integer> layers = layers(drafts, kindOf);
        List<BoundRule> bound = new ArrayList<>();
        for (Draft d : drafts) {
            BoundRule r = d.rule;
            bound.add(new BoundRule(r.pos(), r.name(), r.kind(), r.severity(), r.rank(), r.labels(), r.suppress(),
                    r.keyNames(), r.shape(), r.windowMicros(), r.windowText(), r.until(), r.steps(), r.title(),
                    r.summary(), r.advice(), layers.getOrDefault(r.name(), 0)));
        }
        return new RuleSet(bound, regexes);
    }

    /** A rule bound except for its layer, with the kinds it reads. */
    private record Draft(BoundRule rule, Ast.Rule ast, Set<String> reads) {
    }

    // ---- one rule

    private Draft bindRule(Ast.Rule rule, String kind, Set<String> kinds) {
        String name = rule.name().value();
        Map<Class<?>, Ast.Clause> seen = new HashMap<>();
        Map<Ast.TextField, Ast.TextClause> texts = new HashMap<>();
        for (Ast.Clause clause : rule.clauses()) {
            Ast.Clause first = clause instanceof Ast.TextClause t ? texts.putIfAbsent(t.field(), t)
                    : seen.putIfAbsent(clause.getClass(), clause);
            if (first != null) {
                problem(clause.pos(), "duplicate [" + keyword(clause) + "] clause in rule [" + name + "]; the first is at "
                        + first.pos().location());
            }
        }
        Severity severity = Severity.INFO;
        Ast.SeverityClause sev = (Ast.SeverityClause) seen.get(Ast.SeverityClause.class);
        if (sev == null) {
            problem(rule.name().pos(), "rule [" + name + "] has no severity; add 'severity <level>' with one of: "
                    + String.join(", ", Severity.labels()));
        } else {
            Optional<Severity> parsed = Severity.parse(sev.level().value());
            if (parsed.isEmpty()) {
                problem(sev.level().pos(), "unknown severity [" + sev.level().value() + "]; expected one of: "
                        + String.join(", ", Severity.labels()) + DidYouMean.hint(sev.level().value(), Severity.labels()));
            } else {
                severity = parsed.get();
            }
        }
        int rank = seen.get(Ast.RankClause.class) instanceof Ast.RankClause r ? r.rank() : 0;
        List<String> labels = seen.get(Ast.LabelsClause.class) instanceof Ast.LabelsClause l
                ? l.labels().stream().map(Ast.Name::value).toList() : List.of();
        List<String> suppress = new ArrayList<>();
        if (seen.get(Ast.SuppressClause.class) instanceof Ast.SuppressClause s) {
            for (Ast.Name k : s.kinds()) {
                if (!kinds.contains(k.value())) {
                    problem(k.pos(), "unknown kind [" + k.value() + "] in suppress" + DidYouMean.hint(k.value(), kinds));
                }
                suppress.add(k.value());
            }
        }
        List<String> keyNames = new ArrayList<>();
        if (seen.get(Ast.ByClause.class) instanceof Ast.ByClause by) {
            for (Ast.Name key : by.keys()) {
                if (keyNames.contains(key.value())) {
                    problem(key.pos(), "key [" + key.value() + "] is listed twice");
                }
                keyNames.add(key.value());
            }
        }
        Ast.PatternClause pattern = (Ast.PatternClause) seen.get(Ast.PatternClause.class);
        if (pattern == null) {
            problem(rule.name().pos(), "rule [" + name + "] has no pattern; add 'sequence within <duration> { ... }'"
                    + " or 'group within <duration> { ... }'");
            return null;
        }
        Set<String> reads = new LinkedHashSet<>();
        List<BoundStep> steps = new ArrayList<>();
        Map<String, BoundStep> aliases = new LinkedHashMap<>();
        for (int i = 0; i < pattern.steps().size(); i++) {
            Ast.Step step = pattern.steps().get(i);
            BoundPattern bp = bindPattern(step.pattern(), keyNames, false, kinds, reads);
            BoundStep bs;
            if (step instanceof Ast.MatchStep m) {
                String alias = m.alias().map(Ast.Name::value).orElse(null);
                bs = new BoundStep(i, m.pos(), alias, bp, m.optional(), false, 0, null, m.minCount());
                if (m.minCount() > BoundStep.MAX_COUNT) {
                    problem(m.pos(), "count [" + m.minCount() + "] is more than a partial match keeps; the largest is "
                            + BoundStep.MAX_COUNT);
                }
                if (alias != null && aliases.putIfAbsent(alias, bs) != null) {
                    problem(m.alias().get().pos(), "alias [" + alias + "] is used twice in rule [" + name + "]");
                }
            } else {
                Ast.AbsentStep a = (Ast.AbsentStep) step;
                bs = new BoundStep(i, a.pos(), null, bp, false, true, a.window().micros(), a.window().text(), 1);
            }
            steps.add(bs);
        }
        checkShape(name, pattern, steps);
        BoundPattern until = pattern.until().map(u -> bindPattern(u, keyNames, true, kinds, reads)).orElse(null);
        Long window = pattern.window().map(Ast.Duration::micros).orElse(null);
        String windowText = pattern.window().map(Ast.Duration::text).orElse(null);

        Ast.TextClause titleClause = texts.get(Ast.TextField.TITLE);
        String defaultTitle = kind + (keyNames.isEmpty() ? "" : " at " + String.join(", ",
                keyNames.stream().map(k -> k + " {" + k + "}").toList()));
        Template title = template(titleClause == null ? defaultTitle : titleClause.text(),
                titleClause == null ? Pos.synthetic("default-title") : titleClause.pos(), keyNames, aliases, steps);
        Template summary = template(texts.containsKey(Ast.TextField.SUMMARY) ? texts.get(Ast.TextField.SUMMARY).text() : "",
                texts.containsKey(Ast.TextField.SUMMARY) ? texts.get(Ast.TextField.SUMMARY).pos() : Pos.synthetic("no-summary"),
                keyNames, aliases, steps);
        Template advice = template(texts.containsKey(Ast.TextField.ADVICE) ? texts.get(Ast.TextField.ADVICE).text() : "",
                texts.containsKey(Ast.TextField.ADVICE) ? texts.get(Ast.TextField.ADVICE).pos() : Pos.synthetic("no-advice"),
                keyNames, aliases, steps);
        BoundRule bound = new BoundRule(rule.pos(), name, kind, severity, rank, labels, suppress, keyNames,
                pattern.shape(), window, windowText, until, steps, title, summary, advice, 0);
        if (!bound.stateless() && window == null && until == null) {
            problem(pattern.pos(), "rule [" + name + "] keeps partial matches but is unbounded; add 'within <duration>'"
                    + " or 'until <pattern>' after '" + pattern.shape().keyword() + "'");
        }
        return new Draft(bound, rule, reads);
    }

    private void checkShape(String name, Ast.PatternClause pattern, List<BoundStep> steps) {
        if (steps.stream().noneMatch(BoundStep::required)) {
            problem(pattern.pos(), "rule [" + name + "] needs at least one step that is neither optional nor 'not'");
        }
        if (pattern.shape() == Ast.Shape.GROUP) {
            for (BoundStep s : steps) {
                if (s.absent()) {
                    problem(s.pos(), "'not' needs an order to follow; use 'sequence' instead of 'group' in rule [" + name + "]");
                }
            }
        } else if (!steps.isEmpty() && !steps.get(0).required()) {
            problem(steps.get(0).pos(), "the first step of a sequence must be required (not optional, not 'not') in rule ["
                    + name + "]");
        }
    }

    private Template template(String text, Pos pos, List<String> keyNames, Map<String, BoundStep> aliases,
                              List<BoundStep> steps) {
        Template template = Template.parse(text, pos, problems);
        for (Template.Ref ref : template.refs()) {
            if (ref.alias() == null) {
                if (keyNames.contains(ref.field()) || List.of("kind", "severity", "count", "rule").contains(ref.field())) {
                    continue;
                }
                boolean known = steps.stream().anyMatch(s -> fieldType(s.pattern(), ref.field()) != null);
                if (!known) {
                    Set<String> candidates = new LinkedHashSet<>(keyNames);
                    steps.forEach(s -> candidates.addAll(fieldNames(s.pattern())));
                    problem(pos, "unknown reference [{" + ref.raw() + "}]: no key and no step has field ["
                            + ref.field() + "]" + DidYouMean.hint(ref.field(), candidates));
                }
            } else if ("incident".equals(ref.alias())) {
                if (!dev.daxray.matches.Finding.INCIDENT_FIELDS.contains(ref.field())) {
                    problem(pos, "unknown reference [{" + ref.raw() + "}]: an incident has "
                            + String.join(", ", dev.daxray.matches.Finding.INCIDENT_FIELDS)
                            + DidYouMean.hint(ref.field(), dev.daxray.matches.Finding.INCIDENT_FIELDS));
                }
            } else {
                BoundStep step = aliases.get(ref.alias());
                if (step == null) {
                    problem(pos, "unknown alias [" + ref.alias() + "] in [{" + ref.raw() + "}]"
                            + DidYouMean.hint(ref.alias(), aliases.keySet()));
                } else if (fieldType(step.pattern(), ref.field()) == null) {
                    problem(pos, "[" + step.pattern().describe() + "] has no field [" + ref.field() + "] in [{" + ref.raw()
                            + "}]" + DidYouMean.hint(ref.field(), fieldNames(step.pattern())));
                }
            }
        }
        return template;
    }

    // ---- patterns

    /** Field names and types a source offers, and how to read them. */
    private record Fields(Map<String, Class<?>> types, Function<String, Function<Fact, Object>> reader) {
    }

    private final Map<String, Fields> fieldsCache = new HashMap<>();

    private Fields fields(boolean finding, String type) {
        return fieldsCache.computeIfAbsent((finding ? "finding:" : "event:") + type, k -> {
            if (finding) {
                return new Fields(FindingSchema.FIELDS, name -> fact -> fact.field(name));
            }
            EventSchema.Type t = schema.type(type).orElseThrow();
            Map<String, Class<?>> types = new LinkedHashMap<>();
            t.fields().forEach(f -> types.put(f.name(), f.valueType()));
            return new Fields(types, name -> {
                EventSchema.Field field = t.field(name).orElseThrow();
                return fact -> fact instanceof EventFact e ? field.read(e.event()) : fact.field(name);
            });
        });
    }

    private Class<?> fieldType(BoundPattern pattern, String field) {
        if (pattern.type() == null) {
            return null;
        }
        return fields(pattern.finding(), pattern.type()).types().get(field);
    }

    private Set<String> fieldNames(BoundPattern pattern) {
        return pattern.type() == null ? Set.of() : fields(pattern.finding(), pattern.type()).types().keySet();
    }

    private BoundPattern bindPattern(Ast.Pattern pattern, List<String> keyNames, boolean isUntil, Set<String> kinds,
                                     Set<String> reads) {
        Ast.Source source = pattern.source();
        String type = source.name().value();
        boolean finding = source instanceof Ast.FindingSource;
        boolean known;
        if (finding) {
            known = kinds.contains(type);
            if (!known) {
                problem(source.name().pos(), "unknown finding kind [" + type + "]" + DidYouMean.hint(type, kinds));
            } else {
                reads.add(type);
            }
        } else {
            known = schema.type(type).isPresent();
            if (!known) {
                List<String> types = schema.types().stream().map(EventSchema.Type::name).toList();
                String hint = DidYouMean.hint(type, types);
                if (hint.isEmpty() && kinds.contains(type)) {
                    hint = "; to read the findings of that kind write 'finding " + type + "'";
                }
                problem(source.name().pos(), "unknown event type [" + type + "]" + hint);
            }
        }
        String text = RuleFormatter.pattern(pattern);
        if (!known) {
            return new BoundPattern(pattern.pos(), finding, null, f -> false, List.of(), text);
        }
        Fields fields = fields(finding, type);
        Predicate<Fact> where = pattern.where().map(c -> condition(c, fields, type)).orElse(f -> true);
        List<Function<Fact, Object>> keys = new ArrayList<>();
        if (pattern.keys().isEmpty()) {
            boolean all = keyNames.stream().allMatch(fields.types()::containsKey);
            if (all) {
                keyNames.forEach(k -> keys.add(fields.reader().apply(k)));
            } else if (!isUntil) {
                String missing = keyNames.stream().filter(k -> !fields.types().containsKey(k)).findFirst().orElseThrow();
                problem(pattern.pos(), "[" + type + "] has no field [" + missing + "] for key [" + missing
                        + "]; write 'by <expression>' on the step, e.g. 'by physAddr >> 12'"
                        + DidYouMean.hint(missing, fields.types().keySet()).replace("; did you mean", "; or did you mean"));
            }
        } else if (keyNames.isEmpty()) {
            problem(pattern.keys().get(0).pos(), "the step gives a key but the rule has no 'by' clause");
        } else if (pattern.keys().size() != keyNames.size()) {
            problem(pattern.keys().get(0).pos(), "the step gives " + pattern.keys().size() + " key expression(s) but the rule"
                    + " joins by " + keyNames.size() + " (" + String.join(", ", keyNames) + ")");
        } else {
            for (Ast.KeyExpr expr : pattern.keys()) {
                keys.add(keyExpr(expr, fields, type));
            }
        }
        return new BoundPattern(pattern.pos(), finding, type, where, keys, text);
    }

    private Function<Fact, Object> keyExpr(Ast.KeyExpr expr, Fields fields, String type) {
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
                    + expr.field().value() + "] of [" + type + "] is " + describe(fieldType));
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

    private Predicate<Fact> condition(Ast.Condition condition, Fields fields, String type) {
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

    private static boolean ordered(Object value, Object literal, java.util.function.IntPredicate test) {
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
                    + "] is " + describe(fieldType));
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

    private static final Object INVALID = new Object();

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
            problem(literal.pos(), "field [" + field + "] is " + describe(fieldType) + ", which rules cannot compare;"
                    + " test the event's line instead, e.g. text contains \""
                    + (literal instanceof Ast.StringLiteral s ? s.value() : field + "=") + "\"");
            return INVALID;
        }
        if (literal instanceof Ast.StringLiteral s) {
            if (fieldType == String.class || fieldType == List.class) {
                if (!equality) {
                    problem(s.pos(), "[<] and [>] compare numbers; field [" + field + "] is " + describe(fieldType));
                    return INVALID;
                }
                return s.value();
            }
            problem(s.pos(), "field [" + field + "] is " + describe(fieldType) + ", not text; " + instead(fieldType)
                    + " instead of [\"" + s.value() + "\"]");
            return INVALID;
        }
        if (literal instanceof Ast.NumberLiteral n) {
            if (FindingSchema.numeric(fieldType)) {
                return n.value();
            }
            problem(n.pos(), "field [" + field + "] is " + describe(fieldType) + ", not a number; " + instead(fieldType)
                    + " instead of [" + n.text() + "]");
            return INVALID;
        }
        Ast.BooleanLiteral b = (Ast.BooleanLiteral) literal;
        if (fieldType == Boolean.class && equality) {
            return b.value();
        }
        problem(b.pos(), "field [" + field + "] is " + describe(fieldType) + ", not true/false; " + instead(fieldType)
                + " instead of [" + b.value() + "]");
        return INVALID;
    }

    /** What a field of {@code type} is, in words, for error messages. */
    static String describe(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Hex.class) {
            return "a hex number";
        }
        if (type == BigDecimal.class) {
            return "a time in seconds";
        }
        if (type == List.class) {
            return "a list of text";
        }
        if (type == Map.class) {
            return "a map of names to values";
        }
        if (type == Boolean.class) {
            return "true/false";
        }
        if (type == Long.class || type == Integer.class) {
            return "a number";
        }
        throw new IllegalStateException("no words for field type " + type.getName());
    }

    /** What to write for a field of {@code type}, for error messages. */
    private static String instead(Class<?> type) {
        if (type == Hex.class) {
            return "write a number such as 0x1850600";
        }
        if (type == BigDecimal.class) {
            return "write whole seconds such as 5";
        }
        if (type == List.class || type == String.class) {
            return "write a string such as \"text\"";
        }
        if (type == Boolean.class) {
            return "write true or false";
        }
        return "write a number such as 42";
    }

    // ---- layers

    private Map<String, Integer> layers(List<Draft> drafts, Map<String, String> kindOf) {
        Map<String, List<String>> rulesOfKind = new HashMap<>();
        kindOf.forEach((rule, kind) -> rulesOfKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(rule));
        Map<String, Draft> byName = new HashMap<>();
        drafts.forEach(d -> byName.put(d.rule.name(), d));
        Map<String, Integer> layers = new HashMap<>();
        for (Draft d : drafts) {
            layer(d, byName, rulesOfKind, layers, new ArrayList<>());
        }
        return layers;
    }

    private int layer(Draft d, Map<String, Draft> byName, Map<String, List<String>> rulesOfKind,
                      Map<String, Integer> layers, List<String> path) {
        Integer known = layers.get(d.rule.name());
        if (known != null) {
            return known;
        }
        if (path.contains(d.rule.name())) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(d.rule.name()), path.size()));
            cycle.add(d.rule.name());
            problem(d.ast.name().pos(), "rules read each other's findings in a cycle: " + String.join(" -> ", cycle));
            layers.put(d.rule.name(), 0);
            return 0;
        }
        path.add(d.rule.name());
        int layer = 0;
        for (String kind : d.reads) {
            for (String dep : rulesOfKind.getOrDefault(kind, List.of())) {
                Draft depDraft = byName.get(dep);
                if (depDraft != null) {
                    layer = Math.max(layer, 1 + layer(depDraft, byName, rulesOfKind, layers, path));
                }
            }
        }
        path.remove(path.size() - 1);
        layers.putIfAbsent(d.rule.name(), layer);
        return layers.get(d.rule.name());
    }

    private static String keyword(Ast.Clause clause) {
        if (clause instanceof Ast.TextClause t) {
            return t.field().keyword();
        }
        if (clause instanceof Ast.PatternClause) {
            return "sequence/group";
        }
        return clause.getClass().getSimpleName().replace("Clause", "").toLowerCase(java.util.Locale.ROOT);
    }

    private void problem(Pos pos, String message) {
        problems.add(new Problem(pos, message));
    }
}
