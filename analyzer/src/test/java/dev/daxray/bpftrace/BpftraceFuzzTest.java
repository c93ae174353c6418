package dev.daxray.bpftrace;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.fuzz.Limits;
import dev.daxray.fuzz.Lines;

/**
 * bpftrace output (text and {@code -f json}, the shipped mappings) and bpftrace mapping files on any
 * input. A bad mapping file is a {@link BpftraceMappingException} with its positions, nothing else;
 * a mapping file that parses is used on the input's lines.
 */
class BpftraceFuzzTest {

    @FuzzTest
    void output(byte[] input) {
        Limits.within(() -> {
            List<String> lines = Lines.of(input);
            BpftraceReader.Mode mode = lines.isEmpty() ? BpftraceReader.Mode.TEXT
                    : BpftraceReader.recognise(lines.get(0)).orElse(input.length % 2 == 0
                            ? BpftraceReader.Mode.TEXT : BpftraceReader.Mode.JSON);
            read(new BpftraceReader(mode, BpftraceMappings.standard()), lines);
        });
    }

    @FuzzTest
    void mappings(byte[] input) {
        Limits.within(() -> {
            List<String> lines = Lines.of(input);
            int split = lines.indexOf("---");
            String mappingText = String.join("\n", split < 0 ? lines : lines.subList(0, split));
            BpftraceMappings mappings;
            try {
                mappings = BpftraceMappings.parse("fuzz.map", mappingText);
            } catch (BpftraceMappingException expected) {
                return;
            }
            read(new BpftraceReader(BpftraceReader.Mode.TEXT, mappings), split < 0 ? lines : lines.subList(split + 1, lines.size()));
        });
    }

    private static void read(BpftraceReader reader, List<String> lines) {
        List<Event> events = new ArrayList<>();
        Origin last = null;
        for (int i = 0; i < lines.size(); i++) {
            last = new Origin("fuzz", 0, i + 1, i + 1, lines.get(i), null, 0, null, 0, null, null);
            reader.line(lines.get(i), last, events::add);
        }
        reader.finish(last, events::add);
        reader.notes();
    }
}
