package dev.daxray.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.daxray.address.AddressMap;
import dev.daxray.capture.CaptureInput;
import dev.daxray.capture.CountingInputStream;
import dev.daxray.capture.Decompression;
import dev.daxray.capture.Inputs;
import dev.daxray.devices.NdctlReader;
import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.events.Pmem;
import dev.daxray.events.Reorigin;
import dev.daxray.families.Families;
import dev.daxray.families.Family;
import dev.daxray.records.KeywordPrefilter;

/**
 * The events of a set of inputs, merged into one order (boot, time, input, line), with what reading
 * each input found. An event two inputs report (dmesg and a trace of the same host) appears once,
 * with the second report in its {@code origin().also()} (see {@link SourceMerger}).
 *
 * <p>Wall-clock captures are aligned with monotonic ones of the same host and boot when the capture
 * allows it ({@link WallClock}); {@code clockNotes} says, per input, how (or why not).
 *
 * <p>Memory grows with the number of events, not with the size of the inputs: lines are streamed
 * and only events (a small fraction of a capture) are kept for sorting.
 */
public record Timeline(List<Event> events, List<InputSummary> inputs, AddressMap addresses,
                       Map<String, String> clockNotes) {

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
        DeviceFacts devices = DeviceFacts.NONE;
        for (int i = 0; inputs.hasNext(); i++) {
            CaptureInput input = inputs.next();
            InputSummary summary;
            List<Event> found = new ArrayList<>();
            listener.started(input.name(), input.size());
            try (InputStream in = Decompression.open(new CountingInputStream(input.opener().open(), listener::advanced))) {
                CaptureScanner.Scanned scanned = scanner.scan(input.name(), i, in, found::add, listener);
                summary = scanned.summary();
                devices = devices.merge(scanned.devices());
                events.addAll(found);
            } catch (IOException | UncheckedIOException e) {
                summary = InputSummary.failed(input.name(), Inputs.reason(e));
            }
            summaries.add(summary);
            listener.finished(summary);
        }
        AddressMap addresses = addressMap(devices, events);
        addDeviceEvents(devices, addresses, events, summaries);
        oneHost(events);
        WallClock.Result aligned = WallClock.align(events);
        summaries.replaceAll(s -> aligned.notes().containsKey(s.file()) ? s.withNote(aligned.notes().get(s.file())) : s);
        List<Event> timed = new ArrayList<>(aligned.events());
        Collections.sort(timed);
        return new Timeline(RowMerger.merge(SourceMerger.merge(timed)), summaries, addresses, aligned.notes());
    }

    /**
     * A run whose logs name exactly one host is that host's bundle: captures that name no host (plain
     * dmesg, traces, device listings) are that host's too, so their events merge with the journal's or
     * syslog's reports of the same kernel messages; and a boot whose banner one input has (a journal
     * from boot) lends its kernel release to the others' events of that boot (a dmesg ring-buffer tail).
     */
    private static void oneHost(List<Event> events) {
        List<String> hosts = events.stream().map(e -> e.origin().host()).filter(Objects::nonNull).distinct().toList();
        if (hosts.size() != 1) {
            return;
        }
        String host = hosts.get(0);
        // the kernel release of a boot, when exactly one input's banner names it
        Map<Integer, java.util.Set<String>> kernels = new HashMap<>();
        events.forEach(e -> {
            if (e.origin().kernel() != null) {
                kernels.computeIfAbsent(e.origin().boot(), b -> new java.util.HashSet<>()).add(e.origin().kernel());
            }
        });
        events.replaceAll(e -> {
            Origin o = e.origin();
            java.util.Set<String> k = kernels.get(o.boot());
            String kernel = o.kernel() != null || k == null || k.size() != 1 ? o.kernel() : k.iterator().next();
            return o.host() != null && Objects.equals(kernel, o.kernel()) ? e : Reorigin.with(e, new Origin(o.file(),
                    o.input(), o.line(), o.endLine(), o.text(), o.micros(), o.sortMicros(), o.wall(), o.boot(), host,
                    kernel, o.also()));
        });
    }

    /** What the run knows about where physical addresses live: ndctl, iomem, sysfs and nfit SPA lines. */
    private static AddressMap addressMap(DeviceFacts devices, List<Event> events) {
        List<Pmem> spa = events.stream().filter(Pmem.class::isInstance).map(Pmem.class::cast).toList();
        return AddressMap.builder(devices.state()).iomem(devices.iomem()).sysfs(devices.sysfs()).spaEvents(spa).build();
    }

    /**
     * Badblock, DIMM-health and monitor events from the device listings, with physical addresses
     * where the map knows the bases, credited to the input that listed them. When the logs name one
     * host, the listings are that host's, in its last boot, so rules can join them with its events.
     */
    private static void addDeviceEvents(DeviceFacts devices, AddressMap addresses, List<Event> events,
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
        List<String> hosts = events.stream().map(e -> e.origin().host()).filter(Objects::nonNull).distinct().toList();
        String host = hosts.size() == 1 ? hosts.get(0) : null;
        int boot = events.stream().filter(e -> host == null || host.equals(e.origin().host()))
                .mapToInt(e -> e.origin().boot()).max().orElse(0);
        Map<String, Long> counts = new HashMap<>();
        for (Event event : NdctlReader.events(devices.state(), addresses)) {
            Integer input = inputIndex.get(event.origin().file());
            Origin o = event.origin();
            event = Reorigin.with(event, new Origin(o.file(), input == null ? o.input() : input, o.line(), o.endLine(),
                    o.text(), o.micros(), o.sortMicros(), o.wall(), o.host() != null ? o.boot() : boot,
                    o.host() != null ? o.host() : host, o.kernel()));
            events.add(event);
            counts.merge(event.origin().file(), 1L, Long::sum);
        }
        summaries.replaceAll(s -> counts.containsKey(s.file()) ? s.withMoreEvents(counts.get(s.file())) : s);
    }
}
