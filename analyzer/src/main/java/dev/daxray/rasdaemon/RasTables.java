package dev.daxray.rasdaemon;

import java.util.List;
import java.util.Map;

/**
 * The rasdaemon tables daxray reads and their columns as a fresh v0.8.5 database creates them
 * ({@code ras-record.c} {@code db_fields[]}; reference ras-tools-formats.md §2.5). Columns are looked up by
 * name (an upgraded database has added columns at the end); these orders are only for a dump's
 * {@code INSERT … VALUES} without the table's {@code CREATE TABLE}.
 */
public final class RasTables {

    private static final Map<String, List<String>> COLUMNS = Map.of(
            "mc_event", List.of("id", "timestamp", "err_count", "err_type", "err_msg", "label", "mc", "top_layer",
                    "middle_layer", "lower_layer", "address", "grain", "syndrome", "driver_detail"),
            "mce_record", List.of("id", "timestamp", "mcgcap", "mcgstatus", "status", "addr", "misc", "ip", "tsc",
                    "walltime", "ppin", "cpu", "cpuid", "apicid", "socketid", "cs", "bank", "cpuvendor", "microcode",
                    "bank_name", "error_msg", "mcgstatus_msg", "mcistatus_msg", "mcastatus_msg", "user_action",
                    "mc_location"),
            "aer_event", List.of("id", "timestamp", "dev_name", "err_type", "err_msg"),
            "extlog_event", List.of("id", "timestamp", "etype", "error_count", "severity", "address", "fru_id",
                    "fru_text", "cper_data"),
            "memory_failure_event", List.of("id", "timestamp", "pfn", "page_type", "action_result"),
            "disk_errors", List.of("id", "timestamp", "dev", "sector", "nr_sector", "error", "rwbs", "cmd"),
            "cxl_poison_event", List.of("id", "timestamp", "memdev", "host", "serial", "trace_type", "region",
                    "region_uuid", "hpa", "dpa", "dpa_length", "source", "flags", "overflow_ts"));

    private RasTables() {
    }

    /** The tables that become events, in the order they are read. */
    public static List<String> read() {
        return List.of("mc_event", "mce_record", "memory_failure_event", "extlog_event", "aer_event", "disk_errors",
                "cxl_poison_event");
    }

    /** The default columns of {@code table}, or null when daxray does not read it. */
    public static List<String> columns(String table) {
        return COLUMNS.get(table);
    }
}
