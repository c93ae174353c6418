package dev.daxray.families.ghes;

import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;

/** What one line of a firmware-first report says, before the reader joins a record's lines. */
sealed interface GhesLine {

    /** A line of record {@code {seq}}: one field of it. */
    record RecordLine(int seq, String source, Field field) implements GhesLine {
    }

    /** A one-line {@code GHES:} message: an event on its own. */
    record Message(Ghes event) implements GhesLine {
    }

    /** One field of a CPER or AEST record. */
    sealed interface Field {
    }

    /** {@code Hardware error from APEI Generic Hardware Error Source: %d} or {@code from AEST <node>}. */
    record Header(String node) implements Field {
    }

    /** {@code event severity:} (strong) or the weaker {@code Error 0, type:} / "corrected by h/w" note. */
    record Severity(String severity, boolean strong) implements Field {
    }

    record SectionType(String sectionType) implements Field {
    }

    record ErrorStatus(String status) implements Field {
    }

    /** {@code physical_address}, ARM {@code physical fault address}, or AEST's decoded ERR<n>ADDR. */
    record PhysAddr(Hex address) implements Field {
    }

    record PhysAddrMask(Hex mask) implements Field {
    }

    /** The memory location line ({@code node:0 card:0 ...}), or where an AEST error came from. */
    record Location(String location) implements Field {
    }

    /**
     * {@code error_type: %d, %s}. {@code last} is true for the memory section's error_type, which
     * cper_print_mem() prints after every other field but the DIMM location.
     */
    record ErrorType(int type, String text, boolean last) implements Field {
    }

    /**
     * {@code fru_text} (strong), else {@code DIMM location} or {@code fru_id}; {@code last} for the
     * DIMM location, which ends a memory section. A null fru names nothing ("not present").
     */
    record Fru(String fru, boolean strong, boolean last) implements Field {
    }

    /** AEST {@code ERR<n>STATUS}: the raw status and the severity its UE/DE/CE bits give. */
    record AestStatus(Hex status, String severity) implements Field {
    }

    /** AEST's last register ({@code ERR<n>MISC3}): the record is complete. */
    record End() implements Field {
    }

    /** Any other line of the record (MIDR, hex dumps, cache level, ...): kept in the record only. */
    record Other() implements Field {
    }
}
