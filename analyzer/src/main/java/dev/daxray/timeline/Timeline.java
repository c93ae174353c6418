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
 * <p>Memory grows with the number of events, not with the size of the inputs: lines are streamed
 * and only events (a small fraction of a capture) are kept for sorting.
 */
public record Timeline(List<Event> events, List<InputSummary> inputs, AddressMap addresses) {

    public Timeline {
        events = List.copyOf(events);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(addresses, "addresses");
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
        KeywordPrefilter prefilter = new KeywordPrefilter(families.stream().map(Family::keywords).toList());
        CaptureScanner scanner = new CaptureScanner(families, prefilter, options);
        List<Event> events = new ArrayList<>();
        List<InputSummary> summaries = new ArrayList<>();
        DeviceFacts devices = DeviceFacts.NONE;
        for (int i = 0; i < inputs.size(); i++) {
            CaptureInput input = inputs.get(i);
            InputSummary summary;
            List<Event> found = new ArrayList<>();
            listener.started(input.name(), input.size());
            try (InputStream in = Decompression.open(new CountingInputStream(input.opener().open(), listener::advanced))) {
                CaptureScanner.Scanned scanned = scanner.scan(input.name(), i, in, found::add);
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
        addDeviceEvents(devices, addresses, inputs, events, summaries);
        Collections.sort(events);
        return new Timeline(SourceMerger.merge(events), summaries, addresses);
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
    private static void addDeviceEvents(DeviceFacts devices, AddressMap addresses, List<CaptureInput> inputs,
                                        List<Event> events, List<InputSummary> summaries) {
        if (devices.state().isEmpty()) {
            return;
        }
        Map<String, Integer> inputIndex = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            inputIndex.putIfAbsent(inputs.get(i).name(), i);
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
