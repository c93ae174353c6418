package dev.daxray.incidents;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRAM row a firmware (CPER memory section: {@code node:1 card:0 module:3 rank:1 bank:9 device:5
 * row:11983 column:856}) or EDAC record ({@code … ChannelId:0x0 DimmSlotId:0x1 Row:0x38f Column:0x3f0
 * Bank:0x1 BankGroup:0x3}) locates an error on, when it names one: the parts that pick the DIMM, rank,
 * bank and row, without the column and the DRAM device (chip). Errors on one row are one failing row.
 */
final class DimmRow {

    private static final Pattern PART = Pattern.compile("([A-Za-z_]+)\\s*:\\s*([0-9A-Za-z_#]+)");
    private static final Set<String> ROW_PARTS = Set.of("node", "card", "module", "rank", "bank", "bank_group",
            "bankgroup", "row", "processorsocketid", "memorycontrollerid", "channelid", "dimmslotid",
            "physicalrankid", "channel", "slot");

    private DimmRow() {
    }

    /** The row's identity in {@code location} (and the DIMM {@code label}, when known), if it names a row. */
    static Optional<String> of(String location, String label) {
        if (location == null) {
            return Optional.empty();
        }
        Map<String, String> parts = new TreeMap<>();
        Matcher m = PART.matcher(location);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (ROW_PARTS.contains(name)) {
                parts.putIfAbsent(name, m.group(2).toLowerCase(Locale.ROOT));
            }
        }
        if (!parts.containsKey("row")) {
            return Optional.empty();
        }
        StringBuilder key = new StringBuilder(label == null ? "" : label);
        parts.forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
        return Optional.of(key.toString());
    }
}
