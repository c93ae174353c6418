package dev.daxray.rasdaemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of an {@code sqlite3 ras-mc_event.db .dump} (or {@code .schema} plus inserts pasted into a
 * report): {@code CREATE TABLE name (col TYPE, …);} gives a table's columns in its stored order (an
 * upgraded database's added columns last), {@code INSERT INTO name VALUES(…);} a row. Values are SQL
 * literals: integers, reals, {@code 'text'} with {@code ''} for a quote, {@code X'hex'} blobs, {@code NULL}.
 * An insert into a table whose {@code CREATE TABLE} was not seen uses rasdaemon's current column order.
 * One per input.
 */
public final class SqlDump {

    private static final Pattern CREATE = Pattern.compile(
            "^CREATE TABLE (?:IF NOT EXISTS )?[\"`\\[]?(\\w{1,64})[\"`\\]]? ?\\((.*)\\);?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT = Pattern.compile(
            "^INSERT INTO [\"`\\[]?(\\w{1,64})[\"`\\]]?(?: ?\\(([^)]*)\\))? ?VALUES ?\\((.*)\\);?$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_TABLES = 256;

    private final Map<String, List<String>> columns = new HashMap<>();

    /** Reads a {@code CREATE TABLE} line; false when the line is not one. */
    public boolean create(String line) {
        Matcher m = CREATE.matcher(line.strip());
        if (!m.matches()) {
            return false;
        }
        List<String> names = new ArrayList<>();
        for (String definition : m.group(2).split(",")) {
            String name = definition.strip().split("\\s+")[0].replaceAll("[\"`\\[\\]]", "");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (columns.size() < MAX_TABLES || columns.containsKey(m.group(1))) {
            columns.put(m.group(1), names);
        }
        return true;
    }

    /** Whether {@code line} is an {@code INSERT INTO} line at all. */
    public static boolean isInsert(String line) {
        return INSERT.matcher(line.strip()).matches();
    }

    /** The row an {@code INSERT INTO} line adds, or null when it is not one or its values do not fit its table. */
    public RasRow insert(String line) {
        Matcher m = INSERT.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        String table = m.group(1);
        List<String> names = m.group(2) != null ? splitNames(m.group(2))
                : columns.getOrDefault(table, RasTables.columns(table));
        List<Object> values = literals(m.group(3));
        if (names == null || values == null || values.size() != names.size()) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            row.put(names.get(i), values.get(i));
        }
        return new RasRow(table, row);
    }

    private static List<String> splitNames(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            names.add(name.strip().replaceAll("[\"`\\[\\]]", ""));
        }
        return names;
    }

    /** The literals of a {@code VALUES(...)} list, or null when it holds something else. */
    static List<Object> literals(String text) {
        List<Object> values = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                return null;
            }
            char c = text.charAt(i);
            int end;
            if (c == '\'') {
                StringBuilder s = new StringBuilder();
                end = i + 1;
                while (true) {
                    if (end >= n) {
                        return null;
                    }
                    char d = text.charAt(end);
                    if (d == '\'') {
                        if (end + 1 < n && text.charAt(end + 1) == '\'') {
                            s.append('\'');
                            end += 2;
                            continue;
                        }
                        end++;
                        break;
                    }
                    s.append(d);
                    end++;
                }
                values.add(s.toString());
            } else if ((c == 'X' || c == 'x') && i + 1 < n && text.charAt(i + 1) == '\'') {
                end = text.indexOf('\'', i + 2);
                if (end < 0 || (end - i - 2) % 2 != 0) {
                    return null;
                }
                try {
                    values.add(java.util.HexFormat.of().parseHex(text, i + 2, end));
                } catch (IllegalArgumentException e) {
                    return null;
                }
                end++;
            } else {
                end = i;
                while (end < n && text.charAt(end) != ',' && text.charAt(end) != ' ') {
                    end++;
                }
                Object v = number(text.substring(i, end));
                if (v == null) {
                    return null;
                }
                values.add(v == NULL ? null : v);
            }
            while (end < n && text.charAt(end) == ' ') {
                end++;
            }
            if (end >= n) {
                return values;
            }
            if (text.charAt(end) != ',') {
                return null;
            }
            i = end + 1;
        }
    }

    private static final Object NULL = new Object();

    private static Object number(String token) {
        if (token.equalsIgnoreCase("NULL")) {
            return NULL;
        }
        try {
            return Long.valueOf(token);
        } catch (NumberFormatException e) {
            try {
                return Double.valueOf(token);
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }
}
