package dev.daxray.families.tracepoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.antlr.v4.runtime.ParserRuleContext;

import dev.daxray.events.Event;
import dev.daxray.events.Injector;
import dev.daxray.events.Probe;
import dev.daxray.families.LineFamily;
import dev.daxray.families.OutOfRange;
import dev.daxray.families.ToolFamily;
import dev.daxray.grammar.ParseDriver;
import dev.daxray.grammar.tracepoint.TracepointLexer;
import dev.daxray.grammar.tracepoint.TracepointParser;
import dev.daxray.records.EnvelopeKind;
import dev.daxray.records.LogRecord;

/**
 * Trace event lines (ftrace, trace-cmd, perf script, rasdaemon) of the tracepoints that report what
 * dmesg reports: {@code memory_failure_event} (system {@code ras} or, after the 2025 move,
 * {@code memory_failure}), {@code mce_record}, {@code mc_event}, {@code extlog_mem_event},
 * {@code aer_event}, plus {@code fs_dax:*}, {@code cxl:cxl_poison} and kprobe / kretprobe / uprobe
 * lines. Each becomes the event type of its dmesg counterpart, so the timeline can merge the two.
 * Only lines whose envelope is a trace line are read; the event name picks the payload grammar.
 * rasdaemon writes such lines to the journal under its own name, so this is also a tool's family.
 */
public final class TracepointFamily extends LineFamily implements ToolFamily {

    /**
     * Tasks whose only job is to inject errors (comm as the tracer prints it, at most 15 characters):
     * mce-inject, and the ras-tools test programs that raise or consume injected errors. A trace event
     * fired while one of them ran is evidence of injection, given as an {@code injector} event.
     */
    static final Set<String> INJECTOR_TASKS = Set.of("mce-inject", "einj_mem_uc", "cmcistorm", "hornet", "lmce",
            "rep_ce_page");

    @Override
    public String name() {
        return "tracepoint";
    }

    /**
     * Kernel functions that inject an error, by the injector they belong to: a kprobe or kretprobe on one
     * of them (a tracer watching an injection) is evidence of injection too.
     */
    static final Map<String, String> INJECTOR_FUNCTIONS = Map.of(
            "einj_error_inject", "einj", "__einj_error_inject", "einj",
            "hwpoison_inject", "hwpoison-inject",
            "raise_mce", "mce-inject", "raise_local", "mce-inject", "mce_raise_notify", "mce-inject");

    @Override
    protected void alongside(LogRecord record, Event event, Consumer<Event> sink) {
        String task = record.envelope().task();
        String tool = task != null && INJECTOR_TASKS.contains(task) ? task
                : event instanceof Probe p && p.function() != null ? INJECTOR_FUNCTIONS.get(p.function()) : null;
        if (tool != null) {
            sink.accept(new Injector(record.origin(), tool, "inject", null, null, null, null));
        }
    }

    @Override
    public List<String> keywords() {
        return List.of(
                "memory_failure_event",
                "mce_record",
                "mc_event",
                "extlog_mem_event",
                "aer_event",
                "dax_",          // every fs_dax event name
                "cxl_poison",
                "+0x",           // kprobe / kretprobe sites: (memory_failure+0x0/0x5c0)
                "(0x",           // uprobe / uretprobe sites: (0x55d0c3a01130)
                "(ffff");        // kernel addresses printed raw by trace-cmd and perf: (ffffffff8d4a1230)
    }

    /** Only trace lines of the events this family knows: a dmesg line with {@code dax_} or {@code +0x} is not one. */
    @Override
    public boolean mayRead(LogRecord record) {
        if (record.envelope().kind() != EnvelopeKind.TRACE) {
            return false;
        }
        String event = record.envelope().traceEventName();
        return switch (event) {
            case "memory_failure_event", "mce_record", "mc_event", "extlog_mem_event", "aer_event", "cxl_poison" -> true;
            case "function", "function_graph" -> false;
            default -> event.startsWith("dax_") || record.body().startsWith("(");
        };
    }

    @Override
    protected LineParser newParser() {
        ParseDriver<TracepointParser> driver = new ParseDriver<>(TracepointLexer::new, TracepointParser::new);
        return record -> {
            if (!mayRead(record)) {
                return Optional.empty();
            }
            String event = record.envelope().traceEventName();
            return switch (event) {
                case "memory_failure_event" -> read(driver, record, TracepointParser::memoryFailureEvent);
                case "mce_record" -> "rasdaemon".equals(record.envelope().format()) && !record.body().startsWith("CPU")
                        ? RasdaemonMce.parse(record) : read(driver, record, TracepointParser::mceRecord);
                case "mc_event" -> read(driver, record, TracepointParser::mcEvent);
                case "extlog_mem_event" -> read(driver, record, TracepointParser::extlogMemEvent);
                case "aer_event" -> read(driver, record, TracepointParser::aerEvent);
                case "cxl_poison" -> read(driver, record, TracepointParser::cxlPoison);
                default -> event.startsWith("dax_") ? read(driver, record, TracepointParser::fsDax)
                        : read(driver, record, TracepointParser::probe);
            };
        };
    }

    private static Optional<Event> read(ParseDriver<TracepointParser> driver, LogRecord record,
                                        Function<TracepointParser, ? extends ParserRuleContext> entry) {
        return driver.tryParse(record.body(), entry::apply).flatMap(tree -> OutOfRange.orEmpty(
                () -> new TracepointBuilder(record.origin(), record.envelope().traceEvent()).visit(tree)));
    }
}
