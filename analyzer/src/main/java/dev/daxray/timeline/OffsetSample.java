package dev.daxray.timeline;

import java.util.Arrays;

/**
 * Wall-clock offsets of one boot (wall − monotonic, microseconds): how many, the lowest and highest
 * exactly, and a sample for the median. The sample keeps every offset up to {@link #LIMIT}; past it every
 * second one is dropped and only every second one after is added (then every fourth, …), so a syslog of a
 * million lines that carry both clocks costs {@link #LIMIT} numbers and the median stays that of an even
 * sample of them.
 */
final class OffsetSample {

    static final int LIMIT = 100_000;

    private long[] values = new long[16];
    private int size;
    private long count;
    private long stride = 1;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    void add(long offset) {
        min = Math.min(min, offset);
        max = Math.max(max, offset);
        if (count++ % stride != 0) {
            return;
        }
        if (size == values.length) {
            if (size >= LIMIT) {
                for (int i = 0; i < size / 2; i++) {
                    values[i] = values[2 * i];
                }
                size /= 2;
                stride *= 2;
                values[size++] = offset;
                return;
            }
            values = Arrays.copyOf(values, Math.min(LIMIT, size * 2));
        }
        values[size++] = offset;
    }

    void addAll(OffsetSample other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
        count += other.count - other.size;
        if (other.count > 0) {
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
        }
    }

    OffsetSample copy() {
        OffsetSample out = new OffsetSample();
        out.addAll(this);
        return out;
    }

    long count() {
        return count;
    }

    long min() {
        return min;
    }

    long max() {
        return max;
    }

    /** The middle of the sample (the upper one of two). */
    long median() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted[size / 2];
    }
}
