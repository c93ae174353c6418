package dev.daxray.families.ghes;

import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.families.ghes.GhesLine.AestStatus;
import dev.daxray.families.ghes.GhesLine.End;
import dev.daxray.families.ghes.GhesLine.ErrorStatus;
import dev.daxray.families.ghes.GhesLine.ErrorType;
import dev.daxray.families.ghes.GhesLine.Field;
import dev.daxray.families.ghes.GhesLine.Fru;
import dev.daxray.families.ghes.GhesLine.Header;
import dev.daxray.families.ghes.GhesLine.Location;
import dev.daxray.families.ghes.GhesLine.Other;
import dev.daxray.families.ghes.GhesLine.PhysAddr;
import dev.daxray.families.ghes.GhesLine.PhysAddrMask;
import dev.daxray.families.ghes.GhesLine.SectionType;
import dev.daxray.families.ghes.GhesLine.Severity;

/**
 * The record {@code {seq}} being read. A record with several sections keeps the first value of
 * each field; {@code event severity} overrides the weaker per-section severity.
 */
final class OpenRecord {

    final int seq;
    final String source;
    private final Origin origin;
    private long lastLine;
    private Long lastMicros;
    private int foreignLines;
    private boolean complete;

    private String severity;
    private boolean strongSeverity;
    private String sectionType;
    private String errorStatus;
    private Integer errorType;
    private String errorTypeText;
    private Hex physAddr;
    private Hex physAddrMask;
    private String location;
    private String fru;
    private boolean strongFru;

    OpenRecord(Origin origin, int seq, String source) {
        this.origin = origin;
        this.seq = seq;
        this.source = source;
        this.lastLine = origin.line();
        this.lastMicros = origin.micros();
    }

    /** Adds one line of this record. */
    void add(Origin line, Field field) {
        lastLine = line.line();
        if (line.micros() != null) {
            lastMicros = line.micros();
        }
        foreignLines = 0;
        if (field instanceof Header h) {
            if ("AEST".equals(source) && location == null && h.node() != null) {
                location = h.node();
            }
        } else if (field instanceof Severity s) {
            if (!strongSeverity && (s.strong() || severity == null)) {
                severity = s.severity();
            }
            strongSeverity |= s.strong();
        } else if (field instanceof SectionType s) {
            sectionType = first(sectionType, s.sectionType());
        } else if (field instanceof ErrorStatus s) {
            errorStatus = first(errorStatus, s.status());
        } else if (field instanceof PhysAddr p) {
            physAddr = physAddr == null ? p.address() : physAddr;
        } else if (field instanceof PhysAddrMask m) {
            physAddrMask = physAddrMask == null ? m.mask() : physAddrMask;
        } else if (field instanceof Location l) {
            addLocation(l.location());
        } else if (field instanceof ErrorType t) {
            if (errorType == null) {
                errorType = t.type();
                errorTypeText = t.text();
            }
            complete |= t.last();
        } else if (field instanceof Fru f) {
            if (f.fru() != null && (fru == null || f.strong() && !strongFru)) {
                fru = f.fru();
                strongFru = f.strong();
            }
            complete |= f.last();
        } else if (field instanceof AestStatus s) {
            errorStatus = first(errorStatus, s.status().toString());
            severity = severity == null ? s.severity() : severity;
        } else if (field instanceof End) {
            complete = true;
        } else if (!(field instanceof Other)) {
            throw new IllegalStateException("unhandled field " + field);
        }
    }

    /** AEST's "Error from ..." names the error's kind and place, better than the header's node name. */
    private void addLocation(String text) {
        boolean aestFrom = "AEST".equals(source) && text.contains(" error");
        if (location == null || aestFrom) {
            location = text;
            if (aestFrom && sectionType == null) {
                sectionType = text.replaceFirst(":.*$", "");
            }
        }
    }

    /**
     * A line of another family arrived while this record is open. Returns true when the record
     * should be emitted now: it has printed its last field, or it stopped printing some time ago
     * (more than {@code maxForeign} other lines, or more than {@code maxGapMicros} later).
     */
    boolean closedBy(Origin foreign, int maxForeign, long maxGapMicros) {
        foreignLines++;
        boolean late = foreign.micros() != null && lastMicros != null
                && foreign.micros() - lastMicros > maxGapMicros;
        return complete || late || foreignLines > maxForeign;
    }

    Ghes toEvent() {
        return new Ghes(origin.through(lastLine), seq, source, severity, sectionType, errorStatus, errorType,
                errorTypeText, physAddr, physAddrMask, location, fru);
    }

    private static String first(String current, String value) {
        return current == null ? value : current;
    }
}
