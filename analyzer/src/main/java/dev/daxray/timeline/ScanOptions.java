package dev.daxray.timeline;

import java.util.Objects;

import dev.daxray.bpftrace.BpftraceMappings;

/**
 * How inputs are scanned.
 *
 * @param prefilter skip the parsers for lines no family's keyword occurs in (on by default; off
 *                  only to prove the prefilter changes nothing)
 * @param bpftrace  the mappings that turn bpftrace printf lines into events (the shipped ones by default;
 *                  {@code --bpftrace-map} files come first, so they win over the shipped ones)
 */
public record ScanOptions(boolean prefilter, BpftraceMappings bpftrace) {

    public ScanOptions {
        Objects.requireNonNull(bpftrace, "bpftrace");
    }

    public ScanOptions(boolean prefilter) {
        this(prefilter, BpftraceMappings.standard());
    }

    public static ScanOptions defaults() {
        return new ScanOptions(true);
    }

    /** These options with {@code first} tried before the current mappings. */
    public ScanOptions withBpftraceFirst(BpftraceMappings first) {
        return new ScanOptions(prefilter, first.with(bpftrace));
    }
}
