package dev.daxray.cli;

import java.io.PrintWriter;

import dev.daxray.output.Untrusted;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.ReadListener;

/**
 * A one-line progress display on standard error for long reads: input, percent, MiB/s. Shown only
 * when standard error is a terminal and the input is large, and erased when the input is done, so
 * logs and pipes never see it.
 */
final class ProgressLine implements ReadListener {

    private static final long MIN_SIZE = 64L << 20;
    private static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private String input;
    private long size;
    private long startNanos;
    private long lastNanos;
    private boolean shown;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Enabled when stderr is a terminal and NO_PROGRESS is not set. */
    static ProgressLine forTerminal(PrintWriter err) {
        return new ProgressLine(err, System.console() != null && System.getenv("NO_PROGRESS") == null);
    }

    @Override
    public void started(String name, long bytes) {
        input = name;
        size = bytes;
        startNanos = System.nanoTime();
        lastNanos = startNanos;
    }

    @Override
    public void advanced(long bytes) {
        if (!enabled || size < MIN_SIZE) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastNanos < INTERVAL_NANOS) {
            return;
        }
        lastNanos = now;
        double seconds = (now - startNanos) / 1e9;
        double mib = bytes / 1048576.0;
        err.printf("\rreading %s: %3d%% %.0f MiB/s ", Untrusted.terminal(input), Math.min(100, bytes * 100 / size), mib / seconds);
        err.flush();
        shown = true;
    }

    @Override
    public void finished(InputSummary summary) {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }
}
