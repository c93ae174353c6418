package dev.daxray.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A rule's {@code matches "regex"}: Java's regex syntax, with bounds so that no pattern can stall
 * triage on a log line (log lines are attacker-controlled, and Java's matcher backtracks).
 *
 * <ul>
 *   <li>Refused when bound ({@link #check}): patterns over {@value #MAX_CHARS} characters, repetition
 *   counts over {@value #MAX_REPEAT}, and a repeated group that itself holds a variable repetition
 *   ({@code (.*a){20}}, {@code (a+)+}, {@code (x?)*}): the shape whose backtracking is exponential.
 *   A possessive inner quantifier ({@code .*+}) or an atomic group ({@code (?>…)}) does not backtrack
 *   and is accepted.</li>
 *   <li>At match time, each test may look at the text at most {@value #STEPS_BASE} +
 *   {@value #STEPS_PER_CHAR} × its length times (what is left, such as ambiguous alternatives under a
 *   repetition, {@code (a|a)*}); a test that would need more (or more stack than the thread has: Java's
 *   matcher recurses per repetition of a group with alternatives) gives up, counts as no match, and
 *   is counted ({@link #abandoned()}), so the run can say so.</li>
 * </ul>
 */
public final class BoundedRegex {

    static final int MAX_CHARS = 512;
    static final int MAX_REPEAT = 1000;
    static final long STEPS_BASE = 100_000;
    static final long STEPS_PER_CHAR = 100;

    /** Why a pattern was refused, at a 0-based index in it. */
    public record Refusal(int index, String reason) {
    }

    private final String source;
    private final Pattern pattern;
    private final AtomicLong abandoned = new AtomicLong();

    private BoundedRegex(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /**
     * The compiled pattern; a syntax error is a {@link PatternSyntaxException}, a refused shape a
     * {@link IllegalArgumentException} whose message says why.
     */
    public static BoundedRegex compile(String regex) {
        Pattern compiled = Pattern.compile(regex);
        Optional<Refusal> refusal = check(regex);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(refusal.get().reason());
        }
        return new BoundedRegex(regex, compiled);
    }

    public String source() {
        return source;
    }

    /** Tests that gave up on their step budget so far (each counted as no match). */
    public long abandoned() {
        return abandoned.get();
    }

    /** True when the pattern is found in {@code text} within the step budget. */
    public boolean find(String text) {
        Budgeted input = new Budgeted(text, STEPS_BASE + STEPS_PER_CHAR * text.length());
        try {
            return pattern.matcher(input).find();
        } catch (OutOfSteps | StackOverflowError e) {
            // Java's matcher recurses for each repetition of a group with alternatives: on a long
            // text it can run out of stack before it runs out of steps. Either way: gave up.
            abandoned.incrementAndGet();
            return false;
        }
    }

    // ---- the static check

    /** A group being read: where it opened, and whether it holds a variable repetition. */
    private static final class Group {
        final int start;
        final boolean atomic;
        String variable;    // the first variable repetition inside, as written, or null

        Group(int start, boolean atomic) {
            this.start = start;
            this.atomic = atomic;
        }
    }

    /** The reason {@code regex} is refused, or empty when it is bounded enough. Assumes valid syntax. */
    public static Optional<Refusal> check(String regex) {
        if (regex.length() > MAX_CHARS) {
            return Optional.of(new Refusal(MAX_CHARS, "regular expression longer than " + MAX_CHARS + " characters"));
        }
        Deque<Group> open = new ArrayDeque<>();
        open.push(new Group(0, false));
        Group lastGroup = null;    // the group that just closed, when the next token may quantify it
        int atomStart = -1;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int quantifierEnd = quantifierEnd(regex, i);
            if (quantifierEnd > i && atomStart >= 0) {
                String quantifier = regex.substring(i, quantifierEnd);
                long[] range = range(quantifier);
                if (range[1] > MAX_REPEAT && range[1] != Long.MAX_VALUE || range[0] > MAX_REPEAT) {
                    return Optional.of(new Refusal(i, "repetition count in [" + quantifier + "] above " + MAX_REPEAT));
                }
                boolean possessive = quantifier.length() > 1 && quantifier.endsWith("+");
                if (lastGroup != null && lastGroup.variable != null && !lastGroup.atomic && range[1] > 1 && !possessive) {
                    String group = regex.substring(lastGroup.start, quantifierEnd);
                    return Optional.of(new Refusal(lastGroup.start, "regular expression [" + group + "] repeats a group that"
                            + " itself repeats [" + lastGroup.variable + "]: matching can take exponential time; make the"
                            + " inner repetition possessive (" + lastGroup.variable + "+) or the group atomic ((?>...)),"
                            + " or drop one repetition"));
                }
                Group enclosing = open.peek();
                if (enclosing.variable == null && !possessive) {
                    if (range[1] > range[0]) {
                        enclosing.variable = regex.substring(atomStart, quantifierEnd);
                    } else if (lastGroup != null && lastGroup.variable != null && !lastGroup.atomic) {
                        enclosing.variable = lastGroup.variable;
                    }
                }
                atomStart = -1;
                lastGroup = null;
                i = quantifierEnd;
                continue;
            }
            if (lastGroup != null && lastGroup.variable != null && !lastGroup.atomic && open.peek().variable == null) {
                open.peek().variable = lastGroup.variable;    // (a+)b: the enclosing group holds a repetition too
            }
            lastGroup = null;
            atomStart = i;
            if (c == '\\') {
                i = escapeEnd(regex, i);
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                int flagsEnd = flagsOnlyEnd(regex, i);
                if (flagsEnd > 0) {
                    atomStart = -1;
                    i = flagsEnd;
                } else {
                    open.push(new Group(i, regex.startsWith("(?>", i)));
                    atomStart = -1;
                    i = groupBodyStart(regex, i);
                }
            } else if (c == ')' && open.size() > 1) {
                lastGroup = open.pop();
                atomStart = lastGroup.start;
                i++;
            } else if (c == '|') {
                atomStart = -1;
                i++;
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    /** Where a quantifier starting at {@code i} ends (with its lazy/possessive suffix), or {@code i}. */
    private static int quantifierEnd(String regex, int i) {
        char c = regex.charAt(i);
        int end;
        if (c == '*' || c == '+' || c == '?') {
            end = i + 1;
        } else if (c == '{') {
            int close = regex.indexOf('}', i);
            if (close < 0 || !regex.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
                return i;
            }
            end = close + 1;
        } else {
            return i;
        }
        if (end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
            end++;
        }
        return end;
    }

    /** {min, max} repetitions of a quantifier, max {@link Long#MAX_VALUE} for unbounded. */
    private static long[] range(String quantifier) {
        return switch (quantifier.charAt(0)) {
            case '*' -> new long[] {0, Long.MAX_VALUE};
            case '+' -> new long[] {1, Long.MAX_VALUE};
            case '?' -> new long[] {0, 1};
            default -> {
                String inside = quantifier.substring(1, quantifier.indexOf('}'));
                int comma = inside.indexOf(',');
                long min = parse(comma < 0 ? inside : inside.substring(0, comma));
                long max = comma < 0 ? min : comma == inside.length() - 1 ? Long.MAX_VALUE : parse(inside.substring(comma + 1));
                yield new long[] {min, max};
            }
        };
    }

    private static long parse(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE - 1 : Long.parseLong(digits);
    }

    private static int escapeEnd(String regex, int i) {
        if (i + 1 >= regex.length()) {
            return regex.length();
        }
        char next = regex.charAt(i + 1);
        if (next == 'Q') {
            int end = regex.indexOf("\\E", i + 2);
            return end < 0 ? regex.length() : end + 2;
        }
        if ((next == 'p' || next == 'P' || next == 'x' || next == 'N' || next == 'k')
                && i + 2 < regex.length() && (regex.charAt(i + 2) == '{' || regex.charAt(i + 2) == '<')) {
            int close = regex.indexOf(regex.charAt(i + 2) == '{' ? '}' : '>', i + 2);
            return close < 0 ? regex.length() : close + 1;
        }
        return i + 2;
    }

    /** The index after the character class opening at {@code i} (nested classes and escapes included). */
    private static int classEnd(String regex, int i) {
        int depth = 0;
        int j = i;
        while (j < regex.length()) {
            char c = regex.charAt(j);
            if (c == '\\') {
                j = escapeEnd(regex, j);
                continue;
            }
            if (c == '[') {
                depth++;
                j++;
                if (j < regex.length() && regex.charAt(j) == '^') {
                    j++;
                }
                if (j < regex.length() && regex.charAt(j) == ']') {
                    j++;      // a ] first in a class is literal
                }
                continue;
            }
            if (c == ']' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return regex.length();
    }

    /** For {@code (?i)}-style inline flags with no group, the index after them; else 0. */
    private static int flagsOnlyEnd(String regex, int i) {
        if (!regex.startsWith("(?", i)) {
            return 0;
        }
        int j = i + 2;
        while (j < regex.length() && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
            j++;
        }
        return j > i + 2 && j < regex.length() && regex.charAt(j) == ')' ? j + 1 : 0;
    }

    /** The index of the first character of the group's body: after {@code (}, {@code (?:}, {@code (?<name>} etc. */
    private static int groupBodyStart(String regex, int i) {
        if (!regex.startsWith("(?", i)) {
            return i + 1;
        }
        if (regex.startsWith("(?<", i) && i + 3 < regex.length() && Character.isLetter(regex.charAt(i + 3))) {
            return regex.indexOf('>', i) + 1;
        }
        int j = i + 2;
        while (j < regex.length() && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
            j++;      // (?i:...)
        }
        if (j < regex.length() && regex.charAt(j) == ':') {
            return j + 1;
        }
        return regex.startsWith("(?<=", i) || regex.startsWith("(?<!", i) ? i + 4 : i + 3;
    }

    // ---- the step budget

    /** Thrown (preallocated, no stack) when a test runs out of steps. */
    private static final class OutOfSteps extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final OutOfSteps INSTANCE = new OutOfSteps();

        private OutOfSteps() {
            super("regular expression step budget exhausted", null, false, false);
        }
    }

    /** The text, counting every character the matcher reads. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private long stepsLeft;

        Budgeted(String text, long steps) {
            this.text = text;
            this.stepsLeft = steps;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--stepsLeft < 0) {
                throw OutOfSteps.INSTANCE;
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
