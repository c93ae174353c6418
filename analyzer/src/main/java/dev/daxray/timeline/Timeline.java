package dev.daxray.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.daxray.capture.CaptureInput;
import dev.daxray.capture.CountingInputStream;
import dev.daxray.capture.Decompression;
import dev.daxray.capture.Inputs;
import dev.daxray.events.Event;
import dev.daxray.families.Families;
import dev.daxray.families.Family;
import dev.daxray.records.KeywordPrefilter;

/**
 * The events of a set of inputs, merged into one order (boot, time, input, line), with what reading
 * each input found.
 *
 * <p>Memory grows with the number of events, not with the size of the inputs: lines are streamed
 * and only events (a small fraction of a capture) are kept for sorting.
 */
public record Timeline(List<Event> events, List<InputSummary> inputs) {

    public Timeline {
        events = List.copyOf(events);
        inputs = List.copyOf(inputs);
    }

    /** Reads {@code inputs} with the shipped families. */
    public static Timeline read(List<CaptureInput> inputs, ScanOptions options) {
        return read(inputs, options, Families.standard(), ReadListener.NONE);
    }

    /**
     * Reads {@code inputs}; an input that cannot be read is reported in its summary and the others
     * are still read. {@code listener} hears how far reading has got.
     */
    public static Timeline read(List<CaptureInput> inputs, ScanOptions options, List<Family> families,
                                ReadListener listener) {
        return read(inputs.iterator(), options, families, listener);
    }

    /**
     * Reads inputs one after the other as {@code inputs} hands them out: each is opened only after
     * the one before is closed, so inputs that share one stream (the entries of a tar archive) can
     * be read in a single pass.
     */
    public static Timeline read(java.util.Iterator<CaptureInput> inputs, ScanOptions options, List<Family> families,
                                ReadListener listener) {
        KeywordPrefilter prefilter = new KeywordPrefilter(families.stream().map(Family::keywords).toList());
        CaptureScanner scanner = new CaptureScanner(families, prefilter, options);
        List<Event> events = new ArrayList<>();
        List<InputSummary> summaries = new ArrayList<>();
        for (int i = 0; inputs.hasNext(); i++) {
            CaptureInput input = inputs.next();
            InputSummary summary;
            List<Event> found = new ArrayList<>();
            listener.started(input.name(), input.size());
            try (InputStream in = Decompression.open(new CountingInputStream(input.opener().open(), listener::advanced))) {
                summary = scanner.scan(input.name(), i, in, found::add);
                events.addAll(found);
            } catch (IOException | UncheckedIOException e) {
                summary = InputSummary.failed(input.name(), Inputs.reason(e));
            }
            summaries.add(summary);
            listener.finished(summary);
        }
        Collections.sort(events);
        return new Timeline(events, summaries);
    }
}
