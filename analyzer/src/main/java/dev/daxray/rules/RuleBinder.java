package dev.daxray.rules;

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

import dev.daxray.events.EventSchema;

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
    private final ConditionBinder conditions = new ConditionBinder(problems, regexes);
    private final Map<String, Fields> fieldsCache = new HashMap<>();

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
        Set<String> suppressible = new LinkedHashSet<>(kinds);
        suppressible.addAll(kindOf.keySet());
        List<Draft> drafts = new ArrayList<>();
        for (Ast.Rule rule : byName.values()) {
            Draft draft = bindRule(rule, kindOf.get(rule.name().value()), kinds, suppressible);
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

    private Draft bindRule(Ast.Rule rule, String kind, Set<String> kinds, Set<String> suppressible) {
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
        Severity severity = severity(rule, (Ast.SeverityClause) seen.get(Ast.SeverityClause.class));
        int rank = seen.get(Ast.RankClause.class) instanceof Ast.RankClause r ? r.rank() : 0;
        List<String> labels = seen.get(Ast.LabelsClause.class) instanceof Ast.LabelsClause l
                ? l.labels().stream().map(Ast.Name::value).toList() : List.of();
        List<String> suppress = suppressed((Ast.SuppressClause) seen.get(Ast.SuppressClause.class), suppressible);
        List<String> keyNames = keyNames((Ast.ByClause) seen.get(Ast.ByClause.class));
        Ast.PatternClause pattern = (Ast.PatternClause) seen.get(Ast.PatternClause.class);
        if (pattern == null) {
            problem(rule.name().pos(), "rule [" + name + "] has no pattern; add 'sequence within <duration> { ... }'"
                    + " or 'group within <duration> { ... }'");
            return null;
        }
        Set<String> reads = new LinkedHashSet<>();
        Map<String, BoundStep> aliases = new LinkedHashMap<>();
        List<BoundStep> steps = steps(name, pattern, keyNames, kinds, reads, aliases);
        checkShape(name, pattern, steps);
        BoundPattern until = pattern.until().map(u -> bindPattern(u, keyNames, true, kinds, reads)).orElse(null);
        Long window = pattern.window().map(Ast.Duration::micros).orElse(null);
        String windowText = pattern.window().map(Ast.Duration::text).orElse(null);

        String defaultTitle = kind + (keyNames.isEmpty() ? "" : " at " + String.join(", ",
                keyNames.stream().map(k -> k + " {" + k + "}").toList()));
        Template title = text(texts.get(Ast.TextField.TITLE), defaultTitle, "default-title", keyNames, aliases, steps);
        Template summary = text(texts.get(Ast.TextField.SUMMARY), "", "no-summary", keyNames, aliases, steps);
        Template advice = text(texts.get(Ast.TextField.ADVICE), "", "no-advice", keyNames, aliases, steps);
        BoundRule bound = new BoundRule(rule.pos(), name, kind, severity, rank, labels, suppress, keyNames,
                pattern.shape(), window, windowText, until, steps, title, summary, advice, 0);
        if (!bound.stateless() && window == null && until == null) {
            problem(pattern.pos(), "rule [" + name + "] keeps partial matches but is unbounded; add 'within <duration>'"
                    + " or 'until <pattern>' after '" + pattern.shape().keyword() + "'");
        }
        return new Draft(bound, rule, reads);
    }

    private Severity severity(Ast.Rule rule, Ast.SeverityClause clause) {
        if (clause == null) {
            problem(rule.name().pos(), "rule [" + rule.name().value() + "] has no severity; add 'severity <level>' with one of: "
                    + String.join(", ", Severity.labels()));
            return Severity.INFO;
        }
        Optional<Severity> parsed = Severity.parse(clause.level().value());
        if (parsed.isEmpty()) {
            problem(clause.level().pos(), "unknown severity [" + clause.level().value() + "]; expected one of: "
                    + String.join(", ", Severity.labels()) + DidYouMean.hint(clause.level().value(), Severity.labels()));
            return Severity.INFO;
        }
        return parsed.get();
    }

    /** The kinds and rule names a {@code suppress} clause names ({@code known}: every kind and rule name). */
    private List<String> suppressed(Ast.SuppressClause clause, Set<String> known) {
        List<String> suppress = new ArrayList<>();
        if (clause != null) {
            for (Ast.Name k : clause.kinds()) {
                if (!known.contains(k.value())) {
                    problem(k.pos(), "unknown kind or rule [" + k.value() + "] in suppress" + DidYouMean.hint(k.value(), known));
                }
                suppress.add(k.value());
            }
        }
        return suppress;
    }

    private List<String> keyNames(Ast.ByClause by) {
        List<String> keyNames = new ArrayList<>();
        if (by != null) {
            for (Ast.Name key : by.keys()) {
                if (keyNames.contains(key.value())) {
                    problem(key.pos(), "key [" + key.value() + "] is listed twice");
                }
                keyNames.add(key.value());
            }
        }
        return keyNames;
    }

    /** The pattern's steps, bound; named steps go into {@code aliases}. */
    private List<BoundStep> steps(String name, Ast.PatternClause pattern, List<String> keyNames, Set<String> kinds,
                                  Set<String> reads, Map<String, BoundStep> aliases) {
        List<BoundStep> steps = new ArrayList<>();
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
        return steps;
    }

    /** A title, summary or advice: the clause's template, or {@code fallback} when the rule has none. */
    private Template text(Ast.TextClause clause, String fallback, String fallbackName, List<String> keyNames,
                          Map<String, BoundStep> aliases, List<BoundStep> steps) {
        return clause == null ? template(fallback, Pos.synthetic(fallbackName), keyNames, aliases, steps)
                : template(clause.text(), clause.pos(), keyNames, aliases, steps);
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
                if (!FindingSchema.INCIDENT_FIELDS.contains(ref.field())) {
                    problem(pos, "unknown reference [{" + ref.raw() + "}]: an incident has "
                            + String.join(", ", FindingSchema.INCIDENT_FIELDS)
                            + DidYouMean.hint(ref.field(), FindingSchema.INCIDENT_FIELDS));
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

    private Fields fields(boolean finding, String type) {
        return fieldsCache.computeIfAbsent((finding ? "finding:" : "event:") + type,
                k -> finding ? Fields.ofFindings() : Fields.of(schema.type(type).orElseThrow()));
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
        if (!known) {
            return new BoundPattern(pattern.pos(), finding, null, f -> false, List.of(), pattern);
        }
        Fields fields = fields(finding, type);
        Predicate<Fact> where = pattern.where().map(c -> conditions.condition(c, fields, type)).orElse(f -> true);
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
                keys.add(conditions.keyExpr(expr, fields, type));
            }
        }
        return new BoundPattern(pattern.pos(), finding, type, where, keys, pattern);
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
