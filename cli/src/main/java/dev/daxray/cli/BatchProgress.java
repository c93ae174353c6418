package dev.daxray.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

import dev.daxray.batch.Batch;
import dev.daxray.fleet.BundleReader;
import dev.daxray.output.Untrusted;

/**
 * Progress of a batch on standard error: on a terminal a bar redrawn in place (hosts done/total,
 * MB, MB/s, ETA); otherwise one plain line every {@value #PLAIN_INTERVAL_SECONDS} seconds, so logs
 * of long runs show it without filling up. Host problems are printed as they happen.
 */
final class BatchProgress implements Batch.Listener {

    private static final long PLAIN_INTERVAL_SECONDS = 10;
    private static final long BAR_INTERVAL_NANOS = 200_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private final AtomicLong bytes = new AtomicLong();
    private long start;
    private long lastShown;
    private int total;
    private long totalBytes;
    private int done;
    private boolean barShown;

    BatchProgress(PrintWriter err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    static BatchProgress forStderr(PrintWriter err, boolean quiet) {
        return new BatchProgress(err, System.console() != null && System.getenv("NO_PROGRESS") == null, quiet);
    }

    @Override
    public void started(int bundles, long size) {
        total = bundles;
        totalBytes = size;
        start = System.nanoTime();
        lastShown = start;
    }

    @Override
    public void bytesRead(long n) {
        bytes.addAndGet(n);
    }

    @Override
    public synchronized void finished(BundleReader.Outcome outcome) {
        done++;
        if (!outcome.problems().isEmpty()) {
            clear();
            String what = outcome.skipped() ? "skipped" : "indexed, with problems";
            err.println("daxray: host " + Untrusted.terminal(outcome.bundle().name()) + " " + what + ":");
            outcome.problems().forEach(p -> err.println("  " + Untrusted.terminal(p)));
        }
        show(done == total);
    }

    private void show(boolean last) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        if (terminal) {
            if (!last && now - lastShown < BAR_INTERVAL_NANOS) {
                return;
            }
            lastShown = now;
            int filled = total == 0 ? BAR_WIDTH : (int) ((long) done * BAR_WIDTH / total);
            err.print("\r[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + status(now) + "\033[K");
            err.flush();
            barShown = true;
            if (last) {
                err.println();
                barShown = false;
            }
        } else if (now - lastShown >= PLAIN_INTERVAL_SECONDS * 1_000_000_000L) {
            lastShown = now;
            err.println("batch: " + status(now));
            err.flush();
        }
    }

    private String status(long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double mb = bytes.get() / 1e6;
        double rate = mb / seconds;
        String eta = "?";
        if (done > 0 && done < total) {
            double fraction = totalBytes > 0 ? Math.min(1, bytes.get() / (double) totalBytes) : done / (double) total;
            if (fraction > 0) {
                eta = duration((long) (seconds / fraction - seconds));
            }
        } else if (done == total) {
            eta = "0s";
        }
        return String.format(java.util.Locale.ROOT, "%d/%d hosts  %.1f/%.1f MB  %.1f MB/s  ETA %s",
                done, total, mb, totalBytes / 1e6, rate, eta);
    }

    static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format(java.util.Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60);
        }
        return seconds >= 60 ? String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }

    private void clear() {
        if (barShown) {
            err.print("\r\033[K");
            barShown = false;
        }
    }
}
