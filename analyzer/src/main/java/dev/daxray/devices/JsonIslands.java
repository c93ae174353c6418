package dev.daxray.devices;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * Finds the JSON documents in a text and reads each with Jackson's streaming parser, keeping line
 * numbers: documents back to back, documents between shell prompts and other output, one-line
 * {@code ndctl monitor} events after a syslog prefix, and documents cut off part-way (the
 * containers read so far come back marked incomplete).
 */
final class JsonIslands {

    /**
     * ndctl and daxctl documents nest a handful of levels (bus, region, namespace, badblocks); 64 is
     * plenty, and a text of thousands of '[' then breaks at line 65 instead of building 1,000-deep
     * salvage for every line (which ran out of memory on a 10 KB file).
     */
    static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
    private static final String MONITOR_START = "{\"timestamp\":";

    /**
     * One document: its value (possibly incomplete), the text line before it, and a problem if cut;
     * {@code toEnd} when it was cut by the end of the text, so no other document follows.
     */
    record Island(Object value, long line, String before, String problem, long problemLine, boolean toEnd) {
    }

    private final String text;
    private final long firstLine;
    private final int[] lineStarts;

    JsonIslands(String text, long firstLine) {
        // Lines end at LF only; Jackson also counts a CR as a line break, so a stray CR (whitespace to
        // JSON, or an error where it stands) would shift every line number after it.
        this.text = text.replace('\r', ' ');
        this.firstLine = firstLine;
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = java.util.Arrays.copyOf(starts, count);
    }

    /** Whether a line opens a JSON document: {@code {}, {@code {"…}, {@code [}, {@code [{}, {@code []}. */
    static boolean looksLikeJson(String line) {
        return jsonStart(line) >= 0;
    }

    /** The column where a document starts on this line, or -1. */
    static int jsonStart(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i < line.length()) {
            char open = line.charAt(i);
            String rest = line.substring(i + 1).strip();
            if (open == '{' && (rest.isEmpty() || rest.startsWith("\"") || rest.startsWith("}"))) {
                return i;
            }
            if (open == '[' && (rest.isEmpty() || rest.startsWith("{") || rest.startsWith("]"))) {
                return i;
            }
        }
        return line.indexOf(MONITOR_START);
    }

    List<Island> read() {
        List<Island> islands = new ArrayList<>();
        int lineIndex = 0;
        int resumeColumn = 0;
        int skipDeeperThan = Integer.MAX_VALUE;
        String before = null;
        while (lineIndex < lineStarts.length) {
            String line = line(lineIndex);
            String tail = line.substring(Math.min(resumeColumn, line.length()));
            int column = jsonStart(tail);
            int indent = indent(line);
            if (column < 0 || (resumeColumn == 0 && indent > skipDeeperThan)) {
                if (resumeColumn == 0 && !line.isBlank()) {
                    before = line;
                }
                lineIndex++;
                resumeColumn = 0;
                continue;
            }
            skipDeeperThan = Integer.MAX_VALUE;
            int start = lineStarts[lineIndex] + resumeColumn + column;
            Island island = parse(start, lineIndex, before);
            islands.add(island);
            if (island.toEnd()) {
                break; // the document ran to the end: nothing is left to start another
            }
            if (island.problem() == null) {
                int end = endOffset;
                lineIndex = lineOf(end);
                resumeColumn = end - lineStarts[lineIndex];
            } else {
                int problemIndex = (int) (island.problemLine() - firstLine);
                lineIndex = Math.max(problemIndex, lineIndex + 1);
                resumeColumn = 0;
                skipDeeperThan = indent;
            }
        }
        return islands;
    }

    private int endOffset;

    /** An open container while parsing. */
    private static final class Frame {
        final long line;
        final Map<String, Object> fields;
        final List<Object> items;
        String pendingName;

        Frame(long line, boolean array) {
            this.line = line;
            this.fields = array ? null : new LinkedHashMap<>();
            this.items = array ? new ArrayList<>() : null;
        }

        void add(Object value) {
            if (items != null) {
                items.add(value);
            } else {
                fields.put(pendingName, value);
                pendingName = null;
            }
        }

        Object close(long endLine, boolean complete) {
            return items != null ? new JsonTree.Arr(line, complete, items)
                    : new JsonTree.Obj(line, endLine, complete, fields);
        }
    }

    private Island parse(int start, int lineIndex, String before) {
        long baseLine = firstLine + lineIndex;
        Deque<Frame> stack = new ArrayDeque<>();
        try (StringReader reader = new StringReader(text)) {
            reader.skip(start);
            try (JsonParser parser = FACTORY.createParser(reader)) {
                try {
                    return tokens(parser, stack, start, baseLine, before);
                } catch (JsonEOFException e) {
                    long at = lastLine();
                    return salvage(stack, baseLine, before, "JSON document cut off at line " + at + " (end of input)", at, true);
                } catch (StreamConstraintsException e) {
                    long at = baseLine + parser.currentLocation().getLineNr() - 1;
                    return salvage(stack, baseLine, before,
                            "JSON document broken at line " + at + ": nested deeper than " + MAX_DEPTH + " levels", at, false);
                } catch (JsonProcessingException e) {
                    JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                    long at = baseLine + where.getLineNr() - 1;
                    return salvage(stack, baseLine, before,
                            "JSON document broken at line " + at + ": " + e.getOriginalMessage(), at, false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one document's tokens into values; a document that ends early is salvaged. */
    private Island tokens(JsonParser parser, Deque<Frame> stack, int start, long baseLine, String before)
            throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            long line = baseLine + parser.currentTokenLocation().getLineNr() - 1;
            Object value;
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    stack.push(new Frame(line, token == JsonToken.START_ARRAY));
                    continue;
                }
                case FIELD_NAME -> {
                    stack.peek().pendingName = parser.currentName();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> value = stack.pop().close(line, true);
                case VALUE_STRING -> value = parser.getText();
                case VALUE_NUMBER_INT -> value = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
                case VALUE_NUMBER_FLOAT -> value = parser.getDecimalValue();
                case VALUE_TRUE -> value = Boolean.TRUE;
                case VALUE_FALSE -> value = Boolean.FALSE;
                case VALUE_NULL -> value = null;
                default -> throw new IllegalStateException("unexpected token " + token);
            }
            if (stack.isEmpty()) {
                endOffset = start + (int) parser.currentLocation().getCharOffset();
                return new Island(value, baseLine, before, null, 0, false);
            }
            stack.peek().add(value);
        }
        long at = lastLine();
        return salvage(stack, baseLine, before, "JSON document cut off at line " + at + " (end of input)", at, true);
    }

    /** Closes the open containers as incomplete, innermost first, keeping every complete value. */
    private static Island salvage(Deque<Frame> stack, long baseLine, String before, String problem,
                                  long problemLine, boolean toEnd) {
        Object value = null;
        while (!stack.isEmpty()) {
            Frame frame = stack.pop();
            if (value != null) {
                frame.add(value);
            }
            value = frame.close(problemLine, false);
        }
        return new Island(value, baseLine, before, problem, problemLine, toEnd);
    }

    private long lastLine() {
        int last = lineStarts.length - 1;
        if (last > 0 && lineStarts[last] == text.length()) {
            last--;
        }
        return firstLine + last;
    }

    private String line(int index) {
        int from = lineStarts[index];
        int to = index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : text.length();
        if (to > from && text.charAt(to - 1) == '\r') {
            to--;
        }
        return text.substring(from, Math.max(from, to));
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
