package dev.daxray.families.ipmi;

import java.util.List;

import dev.daxray.families.PhraseFamily;

/**
 * A BMC's System Event Log as ipmitool prints it (reference ras-tools-formats.md §3): {@code sel list} and
 * {@code sel elist} rows ({@code  1a3 | 01/15/2024 | 10:22:31 | Memory #0x01 | Correctable ECC | Asserted}),
 * and the verbose record of {@code sel get} and {@code -v sel list} ({@code SEL Record ID : 01a3} and its
 * {@code label : value} lines). Each record becomes an {@code ipmi-sel} event with the BMC's wall time.
 */
public final class IpmiSelFamily extends PhraseFamily {

    static final List<String> PHRASES = List.of("| Asserted", "| Deasserted", "| OEM record", "SEL Record ID",
            "SEL has no entries");

    public IpmiSelFamily() {
        super("ipmi", PHRASES, IpmiSelReader::new);
    }
}
