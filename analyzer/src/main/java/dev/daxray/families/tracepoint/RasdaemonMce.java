package dev.daxray.families.tracepoint;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Mce;
import dev.daxray.records.LogRecord;

/**
 * rasdaemon's own text for an {@code mce_record} (ras-mce-handler.c {@code report_mce_event()}, 0.8+): the
 * bank name or {@code bank=%x}, then {@code , status= %llx}, the decoded error message, {@code , mci=…},
 * {@code , mca=…}, and {@code , name= value} register fields (note the space after {@code =}), e.g.
 * {@code bank=d, status= 9c00004000000091, MEMORY CONTROLLER RD_CHANNEL1_ERR Transaction: Memory read error,
 * mci=Corrected_error Error_enabled, …, cpu= 2, socketid= 0, misc= 200001c020001086, addr= 3ffe4c1a40, …}.
 * The decoded texts hold commas ({@code Corrected error, no action required.}), so fields are found by
 * their names, not by splitting. Becomes the {@code mce} event the kernel's own trace line makes.
 */
final class RasdaemonMce {

    private static final Pattern BANK_HEX = Pattern.compile("^bank=([0-9a-f]{1,4}),");
    private static final Pattern BANK_NAMED = Pattern.compile("^[^,]*\\(bank=(\\d{1,4})\\),");
    private static final Pattern STATUS = Pattern.compile(", status= ?([0-9a-f]{1,16})(?:, (.*?))?(?:, mci=|, mca=|, cpu_type=|, cpu=|$)");
    private static final Pattern CPU = Pattern.compile(", cpu= ?(\\d{1,6})(?:,|$)");
    private static final Pattern ADDR = Pattern.compile(", addr= ?([0-9a-f]{1,16})(?:,|$)");
    private static final long ADDRV = 1L << 58;

    private RasdaemonMce() {
    }

    static Optional<Event> parse(LogRecord record) {
        String body = record.body().strip();
        Matcher status = STATUS.matcher(body);
        if (!status.find()) {
            return Optional.empty();
        }
        Hex statusValue = Hex.parse(status.group(1));
        Integer bank = null;
        Matcher hex = BANK_HEX.matcher(body);
        Matcher named = BANK_NAMED.matcher(body);
        if (hex.find()) {
            bank = Integer.parseInt(hex.group(1), 16);
        } else if (named.find()) {
            bank = Integer.parseInt(named.group(1));
        }
        Matcher cpu = CPU.matcher(body);
        Matcher addr = ADDR.matcher(body);
        Hex physAddr = addr.find() && (statusValue.value() & ADDRV) != 0 ? Hex.parse(addr.group(1)) : null;
        String message = status.group(2) == null || status.group(2).isBlank() ? null : status.group(2).strip();
        return Optional.of(new Mce(record.origin(), Mce.severityOf(statusValue), physAddr,
                cpu.find() ? Integer.valueOf(cpu.group(1)) : null, bank, statusValue, message));
    }
}
