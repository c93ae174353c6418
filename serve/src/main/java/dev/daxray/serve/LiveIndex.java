package dev.daxray.serve;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.daxray.index.FleetStats;
import dev.daxray.index.IncidentIndex;
import dev.daxray.index.SearchRequest;
import dev.daxray.output.Untrusted;

/**
 * The index as the web application sees it while {@code batch} may be writing it: a current
 * {@link Snapshot} (one opened commit) that requests acquire and release, and a background thread
 * that every {@code interval} reopens the index when a new commit exists (near-real-time: only the
 * changed segments are opened), warms the new snapshot's facet state, swaps it in, and closes the
 * old one once its last request released it. A request therefore sees one commit from start to end.
 * A reopen that fails (a damaged or vanished index) keeps the last good snapshot and is said once
 * on standard error and on every page.
 */
final class LiveIndex implements Closeable {

    /** Rows kept in the cached fleet summary: enough for the overview and the metrics' bounded labels. */
    static final int STATS_TOP = FleetMetrics.TOP_HOSTS;

    private final ScheduledExecutorService refresher;
    private final PrintWriter log;
    private volatile Snapshot current;
    private volatile String refreshError;

    private LiveIndex(Snapshot first, PrintWriter log, long intervalMillis) {
        this.current = first;
        this.log = log;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daxray-serve-reopen");
            t.setDaemon(true);
            return t;
        });
        if (intervalMillis > 0) {
            refresher.scheduleWithFixedDelay(this::refreshQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Opens the index at {@code path} and checks for new commits every {@code intervalMillis} (0: never). */
    static LiveIndex open(Path path, long intervalMillis, PrintWriter log) throws IOException {
        Snapshot first = new Snapshot(IncidentIndex.openForReading(path));
        first.warm();
        return new LiveIndex(first, log, intervalMillis);
    }

    /** The current snapshot, held until it is closed. */
    Snapshot acquire() {
        while (true) {
            Snapshot s = current;
            if (s.retain()) {
                return s;
            }
        }
    }

    /** Swaps in the index's newest commit if there is one; true when it did. */
    synchronized boolean refresh() throws IOException {
        Snapshot old = current;
        IncidentIndex newer = old.index.reopenIfChanged();
        if (newer == null) {
            return false;
        }
        Snapshot next = new Snapshot(newer);
        try {
            next.warm();
        } catch (IOException | RuntimeException e) {
            next.close();
            throw e;
        }
        current = next;
        old.close();
        return true;
    }

    private void refreshQuietly() {
        try {
            refresh();
            if (refreshError != null) {
                log.println("daxray: serve: the index opens again");
                log.flush();
            }
            refreshError = null;
        } catch (IOException | RuntimeException e) {
            String message = Untrusted.terminal(String.valueOf(e.getMessage()));
            if (!message.equals(refreshError)) {
                log.println("daxray: serve: cannot reopen the index, still showing the last good commit: " + message);
                log.flush();
            }
            refreshError = message;
        }
    }

    /** Why the last reopen failed, or null when it did not. */
    String refreshError() {
        return refreshError;
    }

    /** What every page says while reopening fails, or null. */
    String notice() {
        String error = refreshError;
        return error == null ? null : "The index could not be reopened; showing its last good commit: " + error;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.close();
    }

    /** One opened commit: its index and the fleet summary computed from it on first use. */
    static final class Snapshot implements AutoCloseable {
        private final IncidentIndex index;
        private final Instant opened = Instant.now();
        /** One for being current, one per request holding it. */
        private final AtomicInteger refs = new AtomicInteger(1);
        private FleetStats stats;

        Snapshot(IncidentIndex index) {
            this.index = index;
        }

        IncidentIndex index() {
            return index;
        }

        Instant opened() {
            return opened;
        }

        /** The fleet summary of this commit, computed once (it reads the whole index). */
        synchronized FleetStats stats() throws IOException {
            if (stats == null) {
                stats = index.stats(STATS_TOP);
            }
            return stats;
        }

        /**
         * Builds the facet state, and the counts and histogram of every incident, before requests
         * need them, so no request pays for them.
         */
        void warm() throws IOException {
            index.searchWithHistogram(SearchRequest.of("").withLimit(0).withFacets(SearchPage.FACETS), SearchPage.HISTOGRAM_BARS);
        }

        private boolean retain() {
            while (true) {
                int n = refs.get();
                if (n == 0) {
                    return false;
                }
                if (refs.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        /** Releases this holder's reference; the last one closes the index. */
        @Override
        public void close() {
            if (refs.decrementAndGet() == 0) {
                try {
                    index.close();
                } catch (IOException e) {
                    // Read-only: nothing was written that closing could lose.
                }
            }
        }
    }
}
