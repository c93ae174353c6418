package dev.daxray.events;

/**
 * One thing the kernel reported, typed. Each kind is a record with its {@link Origin} first and
 * its own fields after; the JSONL writer and the rule binder read the fields from the record
 * components, so adding a component is all it takes to expose a field.
 */
public sealed interface Event extends Comparable<Event>
        permits Boot, Dropped, Mce, Ghes, Edac, MemoryFailure, MemoryFailureNote, Sigbus, PoisonInjected,
        AlreadyPoisoned, SoftOffline, Unpoison, FsNotifyFailure, FsShutdown, FsMount, FsUnmount, FsError,
        DeviceRemove, Pmem, IoError, PatConflict, Crash, Badblock, DimmHealth, NdctlMonitor,
        FsDax, CxlPoison, Probe, CeThreshold, DimmErrors, IpmiSel, Injector {

    Origin origin();

    /** The JSONL / rule {@code type} of this event. */
    default String type() {
        return getClass().getAnnotation(EventType.class).value();
    }

    @Override
    default int compareTo(Event other) {
        return origin().compareTo(other.origin());
    }
}
