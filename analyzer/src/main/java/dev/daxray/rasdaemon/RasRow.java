package dev.daxray.rasdaemon;

import java.util.Map;

/**
 * One row of a rasdaemon table ({@code ras-mc_event.db}, read from the database or from a
 * {@code sqlite3 .dump}): its table and its values by column name (Long, Double, String, byte[] or null).
 */
public record RasRow(String table, Map<String, Object> values) {

    public RasRow {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The row as {@code sqlite3 .dump} writes it ({@code INSERT INTO t VALUES(1,'text',NULL);}), at most 2,000 characters. */
    public String asInsert() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES(");
        boolean first = true;
        for (Object v : values.values()) {
            sql.append(first ? "" : ",");
            first = false;
            if (v == null) {
                sql.append("NULL");
            } else if (v instanceof byte[] b) {
                sql.append("X'").append(java.util.HexFormat.of().formatHex(b)).append('\'');
            } else if (v instanceof Number) {
                sql.append(v);
            } else {
                sql.append('\'').append(v.toString().replace("'", "''")).append('\'');
            }
            if (sql.length() > 2000) {
                return sql.substring(0, 2000);
            }
        }
        return sql.append(");").toString();
    }

    public String text(String column) {
        Object v = values.get(column);
        return v == null ? null : v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                : v.toString();
    }

    /** An integer column; rasdaemon binds 64-bit registers signed, so the bits are kept as they are. */
    public Long number(String column) {
        Object v = values.get(column);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof String s) {
            try {
                return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
