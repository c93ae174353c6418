package dev.daxray.families.tracepoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import dev.daxray.events.CxlPoison;
import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.FsDax;
import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;
import dev.daxray.events.IoError;
import dev.daxray.events.Mce;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Origin;
import dev.daxray.events.Probe;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.tracepoint.TracepointBaseVisitor;
import dev.daxray.grammar.tracepoint.TracepointParser;

/**
 * Turns one parsed tracepoint payload into the event its dmesg counterpart makes: one {@code visit}
 * per entry rule or labelled alternative. A number no Java type holds throws NumberFormatException,
 * which the family turns into "not this line" (see {@code OutOfRange}).
 */
final class TracepointBuilder extends TracepointBaseVisitor<Event> {

    private static final long ADDRV = 1L << 58;
    private static final long ALL_ONES = -1L;
    private static final Pattern BANK = Pattern.compile("MC(\\d+)");
    private static final int PAGE_SHIFT = 12;

    private final Origin origin;
    private final String eventName;

    TracepointBuilder(Origin origin, String eventName) {
        this.origin = origin;
        this.eventName = eventName;
    }

    @Override
    public Event visitKernelVerdict(TracepointParser.KernelVerdictContext ctx) {
        return new MemoryFailure(origin, Hex.parse(ctx.pfn.getText()), Trees.source(ctx.pageType), ctx.result.getText());
    }

    @Override
    public Event visitRasdaemonVerdict(TracepointParser.RasdaemonVerdictContext ctx) {
        return new MemoryFailure(origin, Hex.parse(ctx.pfn.getText()), Trees.source(ctx.pageType), ctx.result.getText());
    }

    /** mce_record of any version: the pairs daxray needs are looked up by key. */
    @Override
    public Event visitMceRecord(TracepointParser.MceRecordContext ctx) {
        Integer cpu = null;
        Integer bank = null;
        Hex status = null;
        Hex addr = null;
        for (TracepointParser.McePairContext pair : ctx.mcePair()) {
            String key = Trees.source(pair.key);
            String value = Trees.source(pair.value);
            Matcher bankKey = BANK.matcher(key);
            if (key.equals("CPU")) {
                cpu = Integer.valueOf(value);
            } else if (bankKey.matches()) {
                bank = Integer.valueOf(bankKey.group(1));
                status = Hex.parse(value);
            } else if (key.equals("ADDR") || key.startsWith("ADDR/")) {
                addr = Hex.parse(value.split("/")[0]);
            }
        }
        if (status == null) {
            throw new NumberFormatException("mce_record without an MC<bank>: status");
        }
        Hex physAddr = addr != null && (status.value() & ADDRV) != 0 ? addr : null;
        return new Mce(origin, Mce.severityOf(status), physAddr, cpu, bank, status, null);
    }

    /** ras:mc_event: the address is page << PAGE_SHIFT | offset, as edac_mc hands it to the tracepoint. */
    @Override
    public Event visitMcEvent(TracepointParser.McEventContext ctx) {
        Hex address = ctx.address == null ? new Hex(0) : Hex.parse(ctx.address.getText());
        boolean known = address.value() != 0;
        return new Edac(origin, Integer.valueOf(ctx.mc.getText()), ctx.severity.getText().toLowerCase(Locale.ROOT),
                Integer.valueOf(ctx.count.getText()), ctx.message == null ? null : Trees.source(ctx.message),
                ctx.label == null ? null : Trees.source(ctx.label), known ? address.shiftRight(PAGE_SHIFT) : null,
                known ? new Hex(address.value() & ((1L << PAGE_SHIFT) - 1)) : null,
                Integer.valueOf(ctx.grain.getText()), known ? address : null,
                ctx.detail == null ? null : Trees.source(ctx.detail),
                ctx.location == null ? null : "location:" + Trees.source(ctx.location));
    }

    /**
     * ras:extlog_mem_event (ACPI eMCA) carries a CPER memory-error section, the same record GHES
     * prints, so it becomes a {@code ghes} event with source {@code extlog}.
     */
    @Override
    public Event visitExtlogMemEvent(TracepointParser.ExtlogMemEventContext ctx) {
        Hex address = Hex.parse(ctx.address.getText());
        int lsb = Integer.parseInt(ctx.lsb.getText(), 16);
        Hex mask = lsb > 0 && lsb < 64 ? new Hex(ALL_ONES << lsb) : null;
        return new Ghes(origin, Integer.valueOf(ctx.seq.getText()), "extlog", ctx.severity.getText(), "memory error",
                null, null, Trees.source(ctx.memType), address.value() == ALL_ONES ? null : address, mask,
                ctx.location == null ? null : Trees.source(ctx.location), ctx.fru == null ? null : Trees.source(ctx.fru));
    }

    @Override
    public Event visitAerEvent(TracepointParser.AerEventContext ctx) {
        return new IoError(origin, Trees.source(ctx.device), Trees.source(ctx.PCIE_BUS_ERROR().getSymbol(), ctx.header.stop));
    }

    @Override
    public Event visitFsDax(TracepointParser.FsDaxContext ctx) {
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder mode = new StringBuilder();
        String trailing = null;
        for (TracepointParser.DaxItemContext item : ctx.daxItem()) {
            if (item instanceof TracepointParser.DaxFieldContext field) {
                fields.put(field.key.getText(), field.end == null ? field.value.getText()
                        : field.value.getText() + "-" + field.end.getText());
                trailing = null;
            } else {
                String flags = Trees.source(((TracepointParser.DaxFlagsContext) item).flags());
                if (fields.isEmpty()) {
                    mode.append(mode.length() == 0 ? "" : " ").append(flags);
                } else {
                    trailing = trailing == null ? flags : trailing + " " + flags;
                }
            }
        }
        if (mode.length() > 0) {
            fields.put("mode", mode.toString());
        }
        return new FsDax(origin, eventName(), ctx.major.getText() + ":" + ctx.minor.getText(), Hex.parse(ctx.inode.getText()),
                hexField(fields.get("address")), hexField(firstOfRange(fields.get("pgoff"))), trailing, fields);
    }

    @Override
    public Event visitCxlPoison(TracepointParser.CxlPoisonContext ctx) {
        Map<String, String> kv = keyValues(ctx.keyValue());
        Hex hpa = hexField(kv.get("hpa"));
        String flags = kv.get("flags");
        return new CxlPoison(origin, kv.get("memdev"), kv.get("host"), kv.get("region"),
                hpa == null || hpa.value() == ALL_ONES ? null : hpa, hexField(kv.get("dpa")),
                hexField(kv.get("dpa_length")), kv.get("source"), flags, kv.get("trace_type"));
    }

    @Override
    public Event visitProbe(TracepointParser.ProbeContext ctx) {
        Map<String, String> args = keyValues(ctx.keyValue());
        if (ctx.target == null) {
            Site site = site(ctx.site);
            return new Probe(origin, eventName, site.user ? "uprobe" : "kprobe", site.function, site.text, args);
        }
        Site first = site(ctx.site);
        boolean user = ctx.target instanceof TracepointParser.UserTargetContext;
        String second = Trees.source(ctx.target);
        if (!user && !(ctx.site instanceof TracepointParser.SymbolSiteContext)) {
            // trace-cmd / perf render the format file's "(%lx <- %lx)": the function first, then the return site
            Hex.parse(second);
            return new Probe(origin, eventName, "kretprobe", first.text, second, args);
        }
        // the kernel's own text: "(return site <- function)"
        return new Probe(origin, eventName, user ? "uretprobe" : "kretprobe", second, first.text, args);
    }

    @Override
    protected Event defaultResult() {
        throw new IllegalStateException("no tracepoint builder for this parse tree");
    }

    /** A probe site: its text, the function it names, and whether it is a user-space address. */
    private record Site(String text, String function, boolean user) {
    }

    private static Site site(TracepointParser.ProbeSiteContext ctx) {
        String text = Trees.source(ctx);
        if (ctx instanceof TracepointParser.SymbolSiteContext symbol) {
            Hex.parse(symbol.offset.getText());
            return new Site(text, Trees.source(symbol.symbol()), false);
        }
        Hex.parse(text);
        if (text.startsWith("0x")) {
            return new Site(text, text, true);
        }
        if (!text.startsWith("ffff")) {
            // trace-cmd and perf print kprobe sites as raw kernel addresses; anything else is not one
            throw new NumberFormatException("not a kernel text address: " + text);
        }
        return new Site(text, text, false);
    }

    private static Map<String, String> keyValues(List<TracepointParser.KeyValueContext> pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (TracepointParser.KeyValueContext pair : pairs) {
            String key = pair.key.getText();
            values.put(key.substring(0, key.length() - 1), pair.value == null ? null : Trees.source(pair.value));
        }
        return values;
    }

    private String eventName() {
        int colon = eventName.lastIndexOf(':');
        return colon < 0 ? eventName : eventName.substring(colon + 1);
    }

    private static String firstOfRange(String value) {
        return value == null ? null : value.split("-")[0];
    }

    private static Hex hexField(String value) {
        return value == null || value.isEmpty() ? null : Hex.parse(value);
    }
}
