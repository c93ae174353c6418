package dev.daxray.families.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a report's guilty frames come from: a sequence of parts read from the report's text in order,
 * each either a line to find (the {@code RIP:} line, {@code Call Trace:}, a header whose groups are
 * frames) or a stack to read frame by frame. Each stack read gives one guilty frame: the first frame
 * that is not a {@link HelperFrames helper}, or what the stack's {@link Extractor} picks.
 *
 * @param parts    the parts, in order
 * @param fallback parts tried when {@code parts} yield no frame (a WARN without {@code RIP:} line); may be empty
 * @param skips    helpers skipped on top of {@link HelperFrames#COMMON}
 * @param extractor how a stack's remaining frames give its guilty frame
 */
record Stack(List<Part> parts, List<Part> fallback, HelperFrames skips, Extractor extractor) {

    /** The name a stack gives when no frame is left: the report is then corrupted. */
    static final String CORRUPTED = "corrupted";

    Stack {
        parts = List.copyOf(parts);
        fallback = List.copyOf(fallback);
    }

    /** One step of reading a stack. */
    sealed interface Part {
    }

    /**
     * The first line naming where the CPU was ({@link StackLines#site}); its function is a frame.
     * {@code powerpcInterrupt} also accepts powerpc's {@code --- interrupt: 700 at func+0x…}.
     */
    record Site(boolean powerpcInterrupt) implements Part {
    }

    /** The first line {@code pattern} is found in; its groups are frames. */
    record Find(Pattern pattern) implements Part {
    }

    /** Frame lines up to the next stack start or the end of the report. */
    record Read() implements Part {
    }

    /** Picks a stack's guilty frame from its frames (helpers already left out); null when none fits. */
    @FunctionalInterface
    interface Extractor {
        String pick(List<String> frames);
    }

    /** The first frame left: the default guilty frame. */
    static final Extractor FIRST = frames -> frames.isEmpty() ? null : frames.get(0);

    static final Part SITE = new Site(false);
    static final Part READ = new Read();
    static final Part CALL_TRACE = find("Call [Tt]race:|Backtrace:");

    static Part find(String regex) {
        return new Find(Pattern.compile(regex));
    }

    static Stack of(Part... parts) {
        return new Stack(List.of(parts), List.of(), HelperFrames.of(), FIRST);
    }

    /** The {@code RIP:} function, then the {@code Call Trace}. */
    static Stack siteThenTrace() {
        return of(SITE, CALL_TRACE, READ);
    }

    /** The {@code Call Trace} alone. */
    static Stack trace() {
        return of(CALL_TRACE, READ);
    }

    /** A WARN's stack: the trapping function ({@code RIP:}), else the {@code Call Trace}. */
    static Stack warning(String... skips) {
        return new Stack(List.of(new Site(true), READ), List.of(CALL_TRACE, READ), HelperFrames.of(skips), FIRST);
    }

    Stack skipping(String... more) {
        return new Stack(parts, fallback, skips.and(HelperFrames.of(more)), extractor);
    }

    Stack orElse(Part... alternative) {
        return new Stack(parts, List.of(alternative), skips, extractor);
    }

    Stack pickedBy(Extractor picker) {
        return new Stack(parts, fallback, skips, picker);
    }

    /**
     * The guilty frames of a report (one per stack read; {@link #CORRUPTED} for a stack that gave none),
     * whether every stack gave one, whether a line a part looks for was missing (a report cut short: the
     * stack was then read from where the missing line should have been), and whether a fault-injection
     * stack was mixed in.
     */
    record Frames(List<String> frames, boolean complete, boolean lineMissing, boolean faultInjected) {

        Frames {
            frames = List.copyOf(frames);
        }

        boolean trusted() {
            return complete && !lineMissing && !faultInjected;
        }
    }

    /** Reads the stack from {@code lines} (the report from where its format matched). */
    Frames extract(List<String> lines) {
        HelperFrames skip = HelperFrames.COMMON.and(skips);
        Frames first = new Reading(lines, skip).run(parts);
        if (first.complete() || fallback.isEmpty()) {
            return first;
        }
        return new Reading(lines, skip).run(fallback);
    }

    /** One pass of the parts over the lines. */
    private final class Reading {
        private final List<String> lines;
        private final HelperFrames skip;
        private int next;
        private final List<String> frames = new ArrayList<>();
        private final List<String> picked = new ArrayList<>();
        private boolean complete = true;
        private boolean lineMissing;
        private boolean faultInjected;

        Reading(List<String> lines, HelperFrames skip) {
            this.lines = lines;
            this.skip = skip;
        }

        Frames run(List<Part> steps) {
            int stacks = 0;
            for (int i = 0; ; i++) {
                if (i == steps.size() || steps.get(i) instanceof Read && stacks > 0) {
                    pick();
                }
                if (i == steps.size()) {
                    return new Frames(picked, complete, lineMissing, faultInjected);
                }
                Part part = steps.get(i);
                if (part instanceof Read) {
                    stacks++;
                    Part following = i + 1 < steps.size() ? steps.get(i + 1) : null;
                    if (readStack(following)) {
                        i++;
                    }
                } else {
                    findLine(part);
                }
            }
        }

        private void pick() {
            String frame = extractor.pick(frames);
            if (frame == null) {
                frame = CORRUPTED;
                complete = false;
            }
            picked.add(frame);
            frames.clear();
        }

        /** Reads frames until a stack start or the end; true when the {@code following} part's line ended it. */
        private boolean readStack(Part following) {
            while (next < lines.size()) {
                String line = lines.get(next++);
                if (faultInjection(line)) {
                    faultInjected = true;
                    return false;
                }
                if (StackLines.startsStack(line)) {
                    return false;
                }
                if (following != null && !(following instanceof Read) && match(following, line)) {
                    return true;
                }
                StackLines.frames(line).forEach(this::add);
            }
            return false;
        }

        /** Skips to the line {@code part} looks for; when there is none, reads on from where the search began. */
        private void findLine(Part part) {
            int from = next;
            while (next < lines.size()) {
                String line = lines.get(next++);
                if (faultInjection(line)) {
                    faultInjected = true;
                    return;
                }
                if (match(part, line)) {
                    return;
                }
            }
            next = from;
            lineMissing = true;
        }

        /** True when {@code line} is the line {@code part} looks for; its frames are added. */
        private boolean match(Part part, String line) {
            if (part instanceof Site site) {
                StackLines.Site where = StackLines.site(line);
                if (where == null && site.powerpcInterrupt()) {
                    String function = powerpcInterrupt(line);
                    where = function == null ? null : new StackLines.InFunction(function);
                }
                if (where instanceof StackLines.InFunction f) {
                    add(f.function());
                }
                return where != null;
            }
            Matcher m = ((Find) part).pattern().matcher(line);
            if (!m.find()) {
                return false;
            }
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    add(m.group(g));
                }
            }
            return true;
        }

        private void add(String symbol) {
            String function = RustSymbols.demangle(symbol);
            if (!skip.skips(function)) {
                frames.add(StackLines.unwrapSyscall(function));
            }
        }
    }

    /** powerpc {@code --- interrupt: 700 at foo+0x…}: foo. */
    private static String powerpcInterrupt(String line) {
        int at = line.indexOf("--- interrupt: ");
        if (at < 0) {
            return null;
        }
        int in = line.indexOf(" at ", at);
        return in < 0 ? null : StackLines.frame(line.substring(in + 4));
    }

    /**
     * A fault-injection stack ({@code should_fail}, {@code should_failslab}) printed into the report: its
     * frames are not the report's, so the report cannot be trusted.
     */
    static boolean faultInjection(String line) {
        String s = line;
        if (s.startsWith(" [<")) {
            int close = s.indexOf("] ");
            s = close < 0 ? s : s.substring(close + 1);
        }
        if (!s.startsWith(" should_fail")) {
            return false;
        }
        String rest = s.substring(" should_fail".length());
        if (rest.startsWith("slab")) {
            rest = rest.substring(4);
        }
        while (rest.startsWith(".")) {
            int end = 1;
            while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '.')) {
                end++;
            }
            rest = rest.substring(end);
        }
        return rest.startsWith("+0x");
    }
}
