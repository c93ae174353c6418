package dev.daxray.families.rasdaemon;

import java.util.List;

import dev.daxray.families.PhraseFamily;

/**
 * rasdaemon's text (reference ras-tools-formats.md §2): {@code ras-mc-ctl --errors} (rows under
 * {@code Memory controller events:}, {@code MCE events:}, … become the events of the tracepoints they
 * record), {@code --summary} and {@code --error-count} (a {@code dimm-errors} event per DIMM with errors),
 * the page-isolation messages ({@code ce-threshold}, {@code soft-offline}), its diagnostics, and a
 * {@code sqlite3 .dump} of its database ({@code CREATE TABLE} / {@code INSERT INTO} lines: rows become
 * events as the database's do). Its trace lines are the tracepoint family's.
 */
public final class RasdaemonFamily extends PhraseFamily {

    /** Phrases of every line read outside a section: headers, "No … errors." lines, messages, SQL. */
    static final List<String> PHRASES = List.of(
            "Memory controller events", "PCIe AER events", "Extlog events", "Extlog records", "Memory failure events",
            "MCE events", "MCE records", "ARM processor events", "Devlink records", "Disk errors summary",
            "SIGNAL events", "NVIDIA", "CXL ", "No Memory errors.", "No PCIe AER errors.", "No Extlog errors.",
            "No MCE errors.", "No ARM processor errors.", "No devlink errors.", "No disk errors.",
            "No Memory failure errors.", "No SIGNAL", "No CXL", "No NVIDIA", "\tCE\tUE", "rasdaemon",
            "Corrected Errors at ", "exceeded row CE threshold", "Result of offlining page at",
            "is already offlined", "ignore to offline page", "CREATE TABLE", "INSERT INTO", "PRAGMA foreign_keys",
            "BEGIN TRANSACTION", "COMMIT;");

    public RasdaemonFamily() {
        super("rasdaemon", PHRASES, RasdaemonReader::new);
    }
}
