package dev.daxray.fleet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The machine model and BIOS from the {@code DMI:} line the kernel prints early in every boot
 * ({@code DMI: Supermicro SYS-2029U-TR4/X11DPU, BIOS 3.8a 10/25/2023}). It is not an event, so
 * instead of a second read, {@link #sniff} watches the first {@value #LIMIT} bytes of each
 * decompressed input as the timeline reads it. The first line found wins.
 */
final class MachineInfo {

    static final int LIMIT = 1 << 20;
    private static final byte[] MARK = "DMI: ".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 512;

    private volatile String model;
    private volatile String bios;

    String model() {
        return model;
    }

    String bios() {
        return bios;
    }

    boolean found() {
        return model != null;
    }

    /** {@code in}, watched for a DMI line until one is found or {@value #LIMIT} bytes went by. */
    InputStream sniff(InputStream in) {
        return found() ? in : new Sniffer(in);
    }

    synchronized void offer(String line) {
        if (model != null) {
            return;
        }
        int at = line.indexOf("DMI: ");
        if (at < 0) {
            return;
        }
        String rest = line.substring(at + MARK.length).strip();
        int comma = rest.lastIndexOf(", BIOS ");
        if (comma >= 0) {
            model = rest.substring(0, comma).strip();
            bios = rest.substring(comma + ", BIOS ".length()).strip();
        } else {
            model = rest;
        }
        if (model.isEmpty()) {
            model = null;
            bios = null;
        }
    }

    private final class Sniffer extends FilterInputStream {
        private final byte[] line = new byte[MAX_LINE];
        private int length;
        private long seen;

        Sniffer(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                watch((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n && seen < LIMIT && !found(); i++) {
                watch(buf[off + i]);
            }
            return n;
        }

        private void watch(byte b) {
            seen++;
            if (b == '\n') {
                if (contains()) {
                    offer(new String(line, 0, length, StandardCharsets.UTF_8));
                }
                length = 0;
            } else if (length < MAX_LINE) {
                line[length++] = b;
            }
        }

        private boolean contains() {
            outer:
            for (int i = 0; i + MARK.length <= length; i++) {
                for (int j = 0; j < MARK.length; j++) {
                    if (line[i + j] != MARK[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
