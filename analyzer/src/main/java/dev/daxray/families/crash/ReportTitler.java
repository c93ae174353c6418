package dev.daxray.families.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Titles one report from its text: picks the {@link ReportFormat} of its header whose title pattern
 * occurs first, builds the title from the pattern's groups and the guilty frames of its
 * {@link Stack}, normalises it, and says whether the report can be trusted.
 *
 * <p>A report is <em>corrupted</em> when its text does not hold what its kind always prints: the
 * guilty frame could not be found, a fault-injection stack is mixed into it, only the remains of a
 * report matched (its header was lost), another CPU's timestamp landed inside the title, or a report
 * that always has a stack has none or an empty one. Its title is kept, but it should not be trusted.
 */
final class ReportTitler {

    private static final Pattern TIMESTAMP_IN_TITLE = Pattern.compile("\\[ *\\d+\\.\\d+\\]");
    private static final int FRAME_LOOKAHEAD = 15;

    private ReportTitler() {
    }

    /**
     * What the text of a report says.
     *
     * @param title      normalised title
     * @param kind       report kind
     * @param guilty     the function the title names, or null
     * @param corrupted  why the report cannot be trusted, or null
     * @param notice     the header is a {@code WARNING:} or {@code INFO:} line no format knows and no stack
     *                   follows it: a notice that uses the word ({@code WARNING: stack recursion on stack
     *                   type 6}), not a report
     */
    record Titled(String title, ReportFormat.Kind kind, String guilty, String corrupted, boolean notice) {
    }

    /**
     * Titles the report that starts at {@code lines.get(0)} with {@code header}; {@code whole} is
     * {@code lines} and what followed them in the report's context, for the checks of its stacks.
     */
    static Titled title(ReportHeader header, List<String> lines, List<String> whole) {
        Text text = new Text(lines);
        ReportFormat chosen = null;
        String title = null;
        String corrupted = null;
        int best = Integer.MAX_VALUE;
        boolean titleMatched = false;
        for (ReportFormat format : header.formats()) {
            if (best == 0 && title != null) {
                break; // no later format can start earlier, and the first to start here has won
            }
            if (!text.joined.contains(format.requires())) {
                continue; // it cannot match
            }
            Matcher t = format.title().matcher(text.joined);
            if (!t.find() || t.start() > best || t.start() == best && title != null) {
                continue;
            }
            if (t.start() < best) {
                title = null;
                chosen = null;
                best = t.start();
            }
            titleMatched = true;
            Matcher groups = t;
            if (format.report() != null) {
                groups = format.report().matcher(text.joined);
                if (!groups.find()) {
                    continue;
                }
            }
            List<String> captured = new ArrayList<>();
            for (int g = 1; g <= groups.groupCount(); g++) {
                captured.add(groups.group(g) == null ? "" : groups.group(g));
            }
            List<String> frames = List.of();
            corrupted = null;
            if (format.stack() != null) {
                Stack.Frames found = format.stack().extract(text.from(groups.start()));
                frames = found.frames();
                if (!found.trusted()) {
                    corrupted = "no guilty frame found";
                }
            }
            title = format.render().title(new ReportFormat.Args(captured, frames));
            chosen = format;
        }
        if (title == null) {
            corrupted = titleMatched ? "matched the report's title but not its body" : null;
            title = text.headerLine(header);
        } else if (corrupted == null && chosen.corrupted()) {
            corrupted = "only the remains of a report matched";
        }
        title = TitleNormaliser.normalise(title);
        if (corrupted == null) {
            corrupted = corruption(title, whole, chosen);
        }
        ReportFormat.Kind kind = chosen != null ? chosen.kind() : rawKind(header);
        boolean notice = chosen == null && (header == ReportHeader.WARNING || header == ReportHeader.INFO)
                && !hasStack(text.lines);
        return new Titled(title, kind, guilty(title), corrupted, notice);
    }

    /** Why a titled report cannot be trusted (checks on its title and its stacks), or null. */
    private static String corruption(String title, List<String> lines, ReportFormat format) {
        if (TIMESTAMP_IN_TITLE.matcher(title).find()) {
            return "another line was printed into the title";
        }
        if (format == null || format.noStackTrace()) {
            return null;
        }
        boolean anyStack = false;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String start = stackStartKey(line);
            if (start == null || seen.contains(start)) {
                continue;
            }
            seen.add(start);
            anyStack = true;
            if (lines.size() - i < 3) {
                return "the call trace is cut off";
            }
            if (!framesFollow(lines, i + 1)) {
                return "a stack without frames";
            }
        }
        return anyStack ? null : "no stack trace in the report";
    }

    /** True when a frame (or KASAN's {@code (stack is not available)}) comes before the next stack or 15 lines. */
    private static boolean framesFollow(List<String> lines, int from) {
        for (int i = from; i < Math.min(lines.size(), from + FRAME_LOOKAHEAD); i++) {
            String line = lines.get(i);
            if (StackLines.startsStack(line)) {
                return false;
            }
            if (line.contains("(stack is not available)") || StackLines.frame(line) != null) {
                return true;
            }
        }
        return false;
    }

    /** Which kind of stack start a line is (the checks look at the first of each kind), or null. */
    private static String stackStartKey(String line) {
        if (!StackLines.startsStack(line)) {
            return null;
        }
        for (String key : new String[] {"Call Trace", "Call trace", "Backtrace:", "Allocated", "Freed", "Uninit"}) {
            if (line.contains(key)) {
                return key;
            }
        }
        return "backtrace";
    }

    private static boolean hasStack(List<String> lines) {
        for (String line : lines) {
            if (StackLines.startsStack(line) || StackLines.frame(line) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The function a title names: the identifier after its last {@code " in "} (a Rust path may start with
     * its impl, {@code <crate::Type as crate::Trait>::name}), unless it is {@code corrupted}.
     */
    static String guilty(String title) {
        int in = title.lastIndexOf(" in ");
        if (in < 0) {
            return null;
        }
        int start = in + 4;
        int end = start;
        if (title.startsWith("<", start)) {
            int close = title.indexOf('>', start);
            end = close < 0 ? start : close + 1;
        }
        while (end < title.length() && (StackLines.isNameChar(title.charAt(end)) || title.charAt(end) == ':')) {
            end++;
        }
        String name = title.substring(start, end);
        return name.isEmpty() || name.equals(Stack.CORRUPTED) || name.chars().allMatch(Character::isDigit)
                ? null : name;
    }

    private static ReportFormat.Kind rawKind(ReportHeader header) {
        return switch (header) {
            case WARNING -> ReportFormat.Kind.WARNING;
            case PANIC, TRUSTY -> ReportFormat.Kind.PANIC;
            case GPF -> ReportFormat.Kind.GPF;
            case INVALID_OPCODE -> ReportFormat.Kind.INVALID_OPCODE;
            case UBSAN -> ReportFormat.Kind.UBSAN;
            case ARM_FAULT, ARM_INTERNAL, ARM_UNHANDLED, ARM_ALIGNMENT, STACK_SEGMENT, DIVIDE_ERROR, DIVIDE_ERROR_5X,
                 INT3, DOUBLE_FAULT -> ReportFormat.Kind.OOPS;
            default -> ReportFormat.Kind.BUG;
        };
    }

    /** The report's lines joined, with where each line starts. */
    private static final class Text {
        final List<String> lines;
        final String joined;
        final int[] starts;

        Text(List<String> lines) {
            this.lines = lines;
            StringBuilder sb = new StringBuilder();
            starts = new int[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                starts[i] = sb.length();
                sb.append(lines.get(i)).append('\n');
            }
            joined = sb.toString();
        }

        /** The lines from text offset {@code offset} on, the first one starting there. */
        List<String> from(int offset) {
            int i = 0;
            while (i + 1 < starts.length && starts[i + 1] <= offset) {
                i++;
            }
            List<String> rest = new ArrayList<>(lines.size() - i);
            rest.add(lines.get(i).substring(Math.min(lines.get(i).length(), offset - starts[i])));
            rest.addAll(lines.subList(i + 1, lines.size()));
            return rest;
        }

        /** The header line from the header's words on: the title of a report no format knows. */
        String headerLine(ReportHeader header) {
            int at = joined.indexOf(header.words());
            if (at < 0) {
                return lines.isEmpty() ? header.words() : lines.get(0);
            }
            int end = joined.indexOf('\n', at);
            return joined.substring(at, end < 0 ? joined.length() : end);
        }
    }
}
