package dev.daxray.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Event;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/** JSON Lines framing: each line is exactly one JSON object, nothing before or after it. */
class EventJsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsExactlyOneObject() throws IOException {
        byte[] capture = String.join("\n",
                "[    0.000000] Linux version 6.8.0-45-generic (buildd@lcy02) #45 SMP",
                "[   12.000000] Memory failure: 0x3c1b0a: recovery action for dax page: Recovered",
                "[   12.000100] Memory failure: 0x3c1b0b: recovery action for dax page: Recovered", "")
                .getBytes(StandardCharsets.UTF_8);
        List<Event> events = Timeline.read(List.of(new CaptureInput("dmesg.log",
                () -> new ByteArrayInputStream(capture))), ScanOptions.defaults()).events();
        StringWriter out = new StringWriter();
        try (EventJsonWriter writer = new EventJsonWriter(out)) {
            for (Event event : events) {
                writer.write(event);
            }
        }
        String[] lines = out.toString().split("\n", -1);
        assertEquals(4, lines.length, "three lines, each ended by LF");
        assertEquals("", lines[3]);
        for (int i = 0; i < 3; i++) {
            assertTrue(lines[i].startsWith("{\"type\":"), "line " + (i + 1) + " starts with the object: [" + lines[i] + "]");
            assertTrue(lines[i].endsWith("}"), lines[i]);
            JsonNode node = JSON.readTree(lines[i]);
            assertTrue(node.isObject());
        }
    }
}
