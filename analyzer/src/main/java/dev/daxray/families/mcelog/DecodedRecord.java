package dev.daxray.families.mcelog;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.Hex;
import dev.daxray.events.Mce;
import dev.daxray.events.Origin;
import dev.daxray.records.LogRecord;

/**
 * One decoded machine-check record of mcelog ({@code dump_mce()}, §1.2): the disclaimer, {@code MCE n}
 * (daemon only), {@code CPU n BANK n [TSC x]}, {@code RIP}, {@code MISC x ADDR y}, {@code TIME secs ctime},
 * the CPU's decode lines (free text: {@code MCA: MEMORY CONTROLLER RD_CHANNEL1_ERR}, {@code Transaction: …},
 * model-specific bits), {@code STATUS x MCGSTATUS y} (sometimes glued after a decode prefix), then
 * {@code MCGCAP/APICID/SOCKETID}, {@code PPIN}, {@code MICROCODE}, {@code CPUID Vendor …}. There is no end
 * marker: a record ends at the next disclaimer, a line that is no field after {@code STATUS} (or after
 * 64 decode lines before it), a line of another program (syslog tag), or the end.
 */
final class DecodedRecord {

    /** What a line did to the record. */
    enum Fate { TAKEN, ENDED, NOT_MINE }

    static final Pattern DISCLAIMER = Pattern.compile(
            "^(?:Hardware event\\. This is not a software error\\.|HARDWARE ERROR\\. This is \\*NOT\\* a software problem!)$");
    /** The record's first field line, which opens a record in {@code --ascii} output without a disclaimer. */
    static final Pattern CPU_BANK = Pattern.compile("^CPU \\d{1,6} BANK \\d{1,4}(?: .*)?$");
    private static final Pattern MCE = Pattern.compile("^MCE \\d{1,6}$");
    private static final Pattern CPU = Pattern.compile("^CPU (\\d{1,6}) (?:BANK (\\d{1,4})|(.+?))(?: TSC [0-9a-f]{1,16}(?: .*)?)?$");
    private static final Pattern RIP = Pattern.compile("^RIP(?: !INEXACT!)? [0-9a-f]{1,4}:[0-9a-f]{1,16}$");
    private static final Pattern MISC_ADDR = Pattern.compile("^(?:MISC ([0-9a-f]{1,16}))? ?(?:ADDR ([0-9a-f]{1,16}))?$");
    private static final Pattern TIME = Pattern.compile("^TIME (\\d{1,12})(?: .*)?$");
    private static final Pattern STATUS = Pattern.compile("STATUS ([0-9a-f]{1,16}) MCGSTATUS ([0-9a-f]{1,16})$");
    private static final Pattern AFTER_STATUS = Pattern.compile(
            "^(?:(?:MCGCAP|APICID|SOCKETID) [0-9a-f]{1,16} ?)+$|^PPIN [0-9a-f]{1,16}$|^MICROCODE [0-9a-f]{1,8}$"
            + "|^RIP: .*|^\\(Fields were incomplete\\)$|^(?:mcelog: )?warning: \\d+ bytes ignored in each record$"
            + "|^(?:mcelog: )?consider an update$");
    private static final Pattern CPUID = Pattern.compile("^CPUID Vendor .*$");
    private static final Pattern MCA = Pattern.compile("^MCA: (.*)$");
    private static final Pattern TRANSACTION = Pattern.compile("^Transaction: (.*)$");
    private static final int MAX_DECODE_LINES = 64;

    private final Origin first;
    private final String tag;
    private final dev.daxray.records.EnvelopeKind kind;
    private long lastLine;
    private int lines;
    private Integer cpu;
    private Integer bank;
    private String bankName;
    private Hex addr;
    private Long time;
    private Hex status;
    private String mca;
    private String transaction;
    private String decoded;
    private boolean seenCpuid;

    DecodedRecord(LogRecord opening) {
        this.first = opening.origin();
        this.tag = opening.envelope().tag();
        this.kind = opening.envelope().kind();
        this.lastLine = first.line();
    }

    Fate offer(LogRecord record, String text) {
        if (!Objects.equals(record.envelope().tag(), tag) && tag != null) {
            return Fate.NOT_MINE;
        }
        if (record.envelope().kind() != kind || DISCLAIMER.matcher(text).matches() || text.isBlank()) {
            return Fate.ENDED;
        }
        if (status != null || seenCpuid) {
            if (!seenCpuid && CPUID.matcher(text).matches()) {
                seenCpuid = true;
            } else if (!AFTER_STATUS.matcher(text).matches()) {
                return Fate.ENDED;
            }
            return take(record);
        }
        Matcher m;
        if ((m = CPU.matcher(text)).matches() && cpu == null) {
            cpu = Integer.valueOf(m.group(1));
            bank = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            bankName = m.group(3);
        } else if ((m = STATUS.matcher(text)).find()) {
            status = Hex.parse(m.group(1));
        } else if ((m = TIME.matcher(text)).matches()) {
            time = Long.valueOf(m.group(1));
        } else if ((m = MISC_ADDR.matcher(text)).matches() && m.group(2) != null) {
            addr = Hex.parse(m.group(2));
        } else if ((m = MCA.matcher(text)).matches()) {
            mca = m.group(1).strip();
        } else if ((m = TRANSACTION.matcher(text)).matches()) {
            transaction = m.group(1).strip();
        } else if (!MCE.matcher(text).matches() && !RIP.matcher(text).matches() && !MISC_ADDR.matcher(text).matches()
                && !text.equals("Please contact your hardware vendor") && !AFTER_STATUS.matcher(text).matches()) {
            if (lines >= MAX_DECODE_LINES) {
                return Fate.ENDED;
            }
            decoded = decoded == null ? text : decoded;
        }
        return take(record);
    }

    private Fate take(LogRecord record) {
        lastLine = record.origin().line();
        lines++;
        return Fate.TAKEN;
    }

    /** The record as an {@code mce} event; its wall time is mcelog's {@code TIME} when the line had none. */
    Mce event() {
        String severity = status != null ? Mce.severityOf(status) : null;
        String message = mca != null ? (transaction != null ? mca + " Transaction: " + transaction : mca)
                : bankName != null ? bankName : decoded;
        Origin o = first.through(lastLine);
        if (o.wall() == null && time != null) {
            o = new Origin(o.file(), o.input(), o.line(), o.endLine(), o.text(), o.micros(), o.sortMicros(),
                    Instant.ofEpochSecond(time).toString(), o.boot(), o.host(), o.kernel(), o.also());
        }
        return new Mce(o, severity, addr, cpu, bank, status, message);
    }
}
