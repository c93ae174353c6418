package dev.daxray.timeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import dev.daxray.events.Event;

/**
 * Events to be handed out in timeline order ({@link Event#compareTo}; events that compare equal keep the
 * order they were added in), in bounded memory: up to {@link #RUN} events (a sixteenth of the heap) are
 * kept and sorted in memory;
 * beyond that each full batch is sorted and written to a temporary file (a run), and reading merges the
 * runs. At most {@link #FAN_IN} runs are merged at once (more are first merged into one), so open files
 * stay few. Small inputs never touch the disk.
 */
final class EventStore implements AutoCloseable {

    /**
     * Events kept in memory before a run is written: as many as fit in a sixteenth of the heap at about
     * 512 bytes an event, between 4,096 and 262,144 (32,768 with {@code -Xmx256m}).
     */
    static final int RUN = (int) Math.max(4_096, Math.min(262_144, Runtime.getRuntime().maxMemory() / 16 / 512));
    /** Runs merged at once. */
    static final int FAN_IN = 64;
    /** Read buffer per run while merging. */
    private static final int BUFFER = 16 * 1024;

    private final int runSize;
    private final List<Event> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long size;

    EventStore() {
        this(RUN);
    }

    /** A store that spills every {@code runSize} events (tests use a small one). */
    EventStore(int runSize) {
        this.runSize = runSize;
    }

    void add(Event event) {
        buffer.add(event);
        size++;
        if (buffer.size() >= runSize) {
            spill();
        }
    }

    long size() {
        return size;
    }

    /** Runs written to disk so far. */
    int runs() {
        return runs.size();
    }

    /** Hands out every event in timeline order; may be called again. */
    void forEach(Consumer<? super Event> sink) {
        buffer.sort(null);
        if (runs.isEmpty()) {
            buffer.forEach(sink);
            return;
        }
        merge(runs, buffer, sink);
    }

    @Override
    public void close() {
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                // a temporary file left behind is no reason to fail the run
            }
        }
        runs.clear();
        buffer.clear();
    }

    private void spill() {
        buffer.sort(null);
        runs.add(write(sink -> buffer.forEach(sink)));
        buffer.clear();
        if (runs.size() >= FAN_IN) {
            List<Path> merged = new ArrayList<>(runs);
            Path one = write(sink -> merge(merged, List.of(), sink));
            close(merged);
            runs.clear();
            runs.add(one);
        }
    }

    private static void close(List<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // ignored: see close()
            }
        }
    }

    /** Writes what {@code source} hands out to a new run file. */
    private static Path write(Consumer<Consumer<Event>> source) {
        try {
            Path file = Files.createTempFile("daxray-", ".events");
            file.toFile().deleteOnExit();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
                source.accept(e -> {
                    try {
                        EventCodec.write(out, e);
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                });
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary file for a large input: " + e.getMessage(), e);
        }
    }

    /** A run being read: its next event, and where it stands among the runs (ties go to the earlier run). */
    private static final class Cursor {
        final int order;
        final DataInputStream in;
        final java.util.Iterator<Event> memory;
        Event next;

        Cursor(int order, DataInputStream in, java.util.Iterator<Event> memory) {
            this.order = order;
            this.in = in;
            this.memory = memory;
        }

        boolean advance() throws IOException {
            if (memory != null) {
                next = memory.hasNext() ? memory.next() : null;
            } else {
                try {
                    next = EventCodec.read(in);
                } catch (EOFException end) {
                    next = null;
                }
            }
            return next != null;
        }
    }

    private static void merge(List<Path> files, List<Event> tail, Consumer<? super Event> sink) {
        PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparing((Cursor c) -> c.next)
                .thenComparingInt(c -> c.order));
        List<DataInputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(files.get(i)), BUFFER));
                open.add(in);
                Cursor c = new Cursor(i, in, null);
                if (c.advance()) {
                    heads.add(c);
                }
            }
            Cursor memory = new Cursor(files.size(), null, tail.iterator());
            if (memory.advance()) {
                heads.add(memory);
            }
            while (!heads.isEmpty()) {
                Cursor c = heads.poll();
                sink.accept(c.next);
                if (c.advance()) {
                    heads.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back a temporary file: " + e.getMessage(), e);
        } finally {
            for (DataInputStream in : open) {
                try {
                    in.close();
                } catch (IOException e) {
                    // nothing left to read from it
                }
            }
        }
    }
}
