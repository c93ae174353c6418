package dev.daxray.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.daxray.address.AddressMap;
import dev.daxray.capture.CaptureInput;
import dev.daxray.capture.CountingInputStream;
import dev.daxray.capture.Decompression;
import dev.daxray.capture.Inputs;
import dev.daxray.devices.NdctlReader;
import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.events.Pmem;
import dev.daxray.events.Events;
import dev.daxray.families.Family;
import dev.daxray.families.shipped.Families;
import dev.daxray.records.KeywordPrefilter;

/**
 * The events of a set of inputs, merged into one order (boot, time, input, line), with what reading
 * each input found. An event two inputs report (dmesg and a trace of the same host) appears once,
 * with the second report in its {@code origin().also()} (see {@link SourceMerger}).
 *
 * <p>Wall-clock captures are aligned with monotonic ones of the same host and boot when the capture
 * allows it ({@link WallClock}); {@code clockNotes} says, per input, how (or why not).
 *
 * <p>{@link #stream} hands the events out in bounded memory, for triage: lines are streamed, events are
 * kept in memory up to {@link EventStore#RUN} and sorted on disk beyond (see {@link EventStore}), and
 * what the whole run decides (one host, kernel releases, wall-clock offsets, the address map) is gathered
 * in bounded summaries while reading. {@link #read} collects the same stream into a list.
 */
public record Timeline(List<Event> events, List<InputSummary> inputs, AddressMap addresses,
                       Map<String, ClockNote> clockNotes) {

    public Timeline {
        events = List.copyOf(events);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(addresses, "addresses");
        clockNotes = Map.copyOf(clockNotes);
    }

    public Timeline(List<Event> events, List<InputSummary> inputs, AddressMap addresses) {
        this(events, inputs, addresses, Map.of());
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

    /** As {@link #stream(java.util.Iterator, ScanOptions, List, ReadListener)}, collected into a list. */
    public static Timeline read(java.util.Iterator<CaptureInput> inputs, ScanOptions options, List<Family> families,
                                ReadListener listener) {
        try (Stream stream = stream(inputs, options, families, listener)) {
            List<Event> events = new ArrayList<>();
            stream.forEach(events::add);
            return new Timeline(events, stream.inputs(), stream.addresses(), stream.clockNotes());
        }
    }

    /** {@link #stream(java.util.Iterator, ScanOptions, List, ReadListener)} with the shipped families. */
    public static Stream stream(List<CaptureInput> inputs, ScanOptions options, ReadListener listener) {
        return stream(inputs.iterator(), options, Families.standard(), listener);
    }

    /**
     * Reads inputs one after the other as {@code inputs} hands them out: each is opened only after
     * the one before is closed, so inputs that share one stream (the entries of a tar archive) can
     * be read in a single pass. The events are handed out by {@link Stream#forEach}, in timeline order.
     */
    public static Stream stream(java.util.Iterator<CaptureInput> inputs, ScanOptions options, List<Family> families,
                                ReadListener listener) {
        KeywordPrefilter prefilter = new KeywordPrefilter(families.stream().map(Family::keywords).toList());
        CaptureScanner scanner = new CaptureScanner(families, prefilter, options);
        RunFacts facts = new RunFacts();
        EventStore store = new EventStore();
        List<InputSummary> summaries = new ArrayList<>();
        DeviceFacts devices = DeviceFacts.NONE;
        try {
            for (int i = 0; inputs.hasNext(); i++) {
                CaptureInput input = inputs.next();
                InputSummary summary;
                listener.started(input.name(), input.size());
                try (InputStream in = Decompression.open(new CountingInputStream(input.opener().open(), listener::advanced))) {
                    CaptureScanner.Scanned scanned = scanner.scan(input.name(), i, in, e -> {
                        facts.see(e);
                        store.add(e);
                    }, listener);
                    summary = scanned.summary();
                    devices = devices.merge(scanned.devices());
                } catch (IOException | UncheckedIOException e) {
                    summary = InputSummary.failed(input.name(), Inputs.reason(e));
                }
                summaries.add(summary);
                listener.finished(summary);
            }
            AddressMap addresses = addressMap(devices, facts.spa());
            addDeviceEvents(devices, addresses, facts, store, summaries);
            WallClock.Alignment aligned = facts.wallClock().align(facts.onlyHost());
            summaries.replaceAll(s -> aligned.notes().containsKey(s.file())
                    ? s.withNote(aligned.notes().get(s.file()).text()) : s);
            return new Stream(store, summaries, addresses, aligned, facts);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The events of a run, handed out once in timeline order with the run's decisions applied (one host's
     * captures, kernel releases, wall-clock times), duplicates across inputs merged. Close it to remove the
     * temporary files of a large run.
     */
    public static final class Stream implements AutoCloseable {
        private final EventStore store;
        private final List<InputSummary> inputs;
        private final AddressMap addresses;
        private final WallClock.Alignment aligned;
        private final RunFacts facts;
        private boolean used;

        private Stream(EventStore store, List<InputSummary> inputs, AddressMap addresses, WallClock.Alignment aligned,
                       RunFacts facts) {
            this.store = store;
            this.inputs = List.copyOf(inputs);
            this.addresses = addresses;
            this.aligned = aligned;
            this.facts = facts;
        }

        public List<InputSummary> inputs() {
            return inputs;
        }

        public AddressMap addresses() {
            return addresses;
        }

        public Map<String, ClockNote> clockNotes() {
            return Map.copyOf(aligned.notes());
        }

        /** Hands every event to {@code sink} in timeline order. Once. */
        public void forEach(Consumer<? super Event> sink) {
            if (used) {
                throw new IllegalStateException("a timeline stream is read once");
            }
            used = true;
            // a rasdaemon database row joins its trace line, in one input too
            RowMerger rows = new RowMerger(sink);
            // reports of one event are merged across inputs only: one input needs no merger
            SourceMerger merger = inputs.size() > 1 ? new SourceMerger(rows) : null;
            Consumer<Event> out = merger != null ? merger : rows;
            if (!aligned.reorders()) {
                store.forEach(e -> out.accept(aligned.apply(facts.oneHost(e))));
            } else {
                // derived monotonic times move wall-clock lines: sort again
                try (EventStore sorted = new EventStore()) {
                    store.forEach(e -> sorted.add(aligned.apply(facts.oneHost(e))));
                    sorted.forEach(out);
                }
            }
            if (merger != null) {
                merger.finish();
            }
            rows.finish();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    /** What the physical addresses of the run map to: ndctl, iomem, sysfs and nfit SPA lines. */
    private static AddressMap addressMap(DeviceFacts devices, List<Pmem> spa) {
        return AddressMap.builder(devices.state()).iomem(devices.iomem()).sysfs(devices.sysfs()).spaEvents(spa).build();
    }

    /**
     * Badblock, DIMM-health and monitor events from the device listings, with physical addresses
     * where the map knows the bases, credited to the input that listed them. When the logs name one
     * host, the listings are that host's, in its last boot, so rules can join them with its events.
     */
    private static void addDeviceEvents(DeviceFacts devices, AddressMap addresses, RunFacts facts, EventStore store,
                                        List<InputSummary> summaries) {
        if (devices.state().isEmpty()) {
            return;
        }
        Map<String, Integer> inputIndex = new HashMap<>();
        for (int i = 0; i < summaries.size(); i++) {
            inputIndex.putIfAbsent(summaries.get(i).file(), i); // one summary per input, in input order
        }
        // A listing has no host or boot of its own: in a bundle of one host it is that host's, taken in
        // its last boot (ndctl runs on the live system, after whatever the logs recorded).
        String host = facts.onlyHost();
        int boot = facts.lastBoot(host);
        Map<String, Long> counts = new HashMap<>();
        for (Event event : NdctlReader.events(devices.state(), addresses)) {
            Integer input = inputIndex.get(event.origin().file());
            Origin o = event.origin();
            event = Events.withOrigin(event, new Origin(o.file(), input == null ? o.input() : input, o.line(), o.endLine(),
                    o.text(), o.micros(), o.sortMicros(), o.wall(), o.host() != null ? o.boot() : boot,
                    o.host() != null ? o.host() : host, o.kernel()));
            facts.see(event);
            store.add(event);
            counts.merge(event.origin().file(), 1L, Long::sum);
        }
        summaries.replaceAll(s -> counts.containsKey(s.file()) ? s.withMoreEvents(counts.get(s.file())) : s);
    }
}
