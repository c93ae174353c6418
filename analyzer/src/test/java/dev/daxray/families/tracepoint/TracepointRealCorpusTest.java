package dev.daxray.families.tracepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.MemoryFailure;
import dev.daxray.families.RealCorpus;
import dev.daxray.records.EnvelopeKind;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/** The rasdaemon trace output of the real corpus: 037's memory_failure_event, 036's arm_event. */
class TracepointRealCorpusTest {

    private static final String C036 = "036-NEG-arm64-qemu-ghes-arm-processor-cache-error-unhandled-no-memory-failure";
    private static final String C037 = "037-rasdaemon-memory_failure_event-trace-and-sqlite-free-buddy-delayed";

    private static Timeline timeline(String caseDir, String file) {
        byte[] bytes = (String.join("\n", RealCorpus.lines(caseDir, file)) + "\n").getBytes(StandardCharsets.UTF_8);
        return Timeline.read(List.of(new CaptureInput(file, () -> new ByteArrayInputStream(bytes))), ScanOptions.defaults());
    }

    @Test
    void rasdaemonMemoryFailureEventOf037IsOneMemoryFailure() {
        List<Event> events = RealCorpus.read(new TracepointFamily(), C037, "rasdaemon.log");
        assertEquals(1, events.size());
        MemoryFailure mf = (MemoryFailure) events.get(0);
        assertEquals(Hex.parse("0x204000000"), mf.pfn());
        assertEquals("free buddy page", mf.pageType());
        assertEquals("Delayed", mf.result());
        assertEquals("2020-10-02T13:27:13-04:00", mf.origin().wall());
    }

    @Test
    void everyTraceLineOf036And037IsParsedAndOnlyTheirNonTraceLinesAreNot() {
        EnvelopeParser envelopes = new EnvelopeParser();
        assertEquals(EnvelopeKind.TRACE, envelopes.parse(RealCorpus.lines(C036, "rasdaemon-trace.txt").get(0)).kind());
        assertEquals(EnvelopeKind.TRACE, envelopes.parse(RealCorpus.lines(C037, "rasdaemon.log").get(2)).kind());

        InputSummary s036 = timeline(C036, "rasdaemon-trace.txt").inputs().get(0);
        assertEquals("rasdaemon", s036.format());
        assertEquals(List.of(2L), s036.unparsedSample().stream().map(InputSummary.Unparsed::line).toList(),
                "only libtraceevent's '<CANT FIND FIELD buf>' continuation of arm_event is not a trace line");

        Timeline t037 = timeline(C037, "rasdaemon.log");
        InputSummary s037 = t037.inputs().get(0);
        assertEquals("rasdaemon", s037.format());
        assertEquals(2, s037.events(), "the trace line and the SQL dump's row of the same event");
        assertEquals(List.of(), s037.unparsedSample(),
                "rasdaemon's own log lines and the SQL dump are read by the rasdaemon family");
        assertEquals(1, t037.events().size(), "one event: the dumped row is the trace line's");
        assertEquals(List.of(6L), t037.events().get(0).origin().also().stream().map(s -> s.line()).toList());
    }
}
