package dev.daxray.journal;

import java.nio.charset.StandardCharsets;

/**
 * What a one-line journal JSON entry says that daxray needs even when the entry is not decoded: its
 * boot (boots are told apart by {@code _BOOT_ID}, so a boot of chatter still counts) and whether its
 * {@code MESSAGE} is a byte array, whose words a byte-level keyword search cannot see. One pass over
 * the line's quotes; no allocation unless the boot changed. One per input.
 */
final class JournalBytes {

    private static final byte[] BOOT_KEY = "_BOOT_ID\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE_KEY = "MESSAGE\"".getBytes(StandardCharsets.US_ASCII);
    private static final int ID_LENGTH = 32;

    private final byte[] lastBoot = new byte[ID_LENGTH];
    private boolean known;
    /** Set by {@link #scan}: the boot id when it changed, else null. */
    private String changedBoot;
    /** Set by {@link #scan}: the MESSAGE value is a JSON array (bytes, or a repeated field). */
    private boolean arrayMessage;

    /** Scans one line; read the results with {@link #changedBoot()} and {@link #arrayMessage()}. */
    void scan(byte[] buf, int off, int len) {
        changedBoot = null;
        arrayMessage = false;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (buf[i] != '"' || i + 1 >= end) {
                continue;
            }
            byte next = buf[i + 1];
            if (next == '_' && matches(buf, i + 1, end, BOOT_KEY)) {
                i = boot(buf, valueStart(buf, i + 1 + BOOT_KEY.length, end), end);
            } else if (next == 'M' && matches(buf, i + 1, end, MESSAGE_KEY)) {
                int v = valueStart(buf, i + 1 + MESSAGE_KEY.length, end);
                arrayMessage = v < end && buf[v] == '[';
                i = v;
            }
        }
    }

    String changedBoot() {
        return changedBoot;
    }

    boolean arrayMessage() {
        return arrayMessage;
    }

    /** Notes the boot of an entry decoded in full, so the next quick scan compares with it. */
    void sawBoot(String bootId) {
        if (bootId != null && bootId.length() == ID_LENGTH) {
            byte[] id = bootId.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(id, 0, lastBoot, 0, ID_LENGTH);
            known = true;
        }
    }

    private int boot(byte[] buf, int v, int end) {
        if (v >= end || buf[v] != '"' || v + 1 + ID_LENGTH >= end || buf[v + 1 + ID_LENGTH] != '"') {
            return v;
        }
        boolean same = known;
        for (int k = 0; k < ID_LENGTH && same; k++) {
            same = buf[v + 1 + k] == lastBoot[k];
        }
        if (!same) {
            System.arraycopy(buf, v + 1, lastBoot, 0, ID_LENGTH);
            known = true;
            changedBoot = new String(buf, v + 1, ID_LENGTH, StandardCharsets.US_ASCII);
        }
        return v + 1 + ID_LENGTH;
    }

    /** The index after {@code "key"}'s colon and blanks (systemd ≤ 239 writes {@code "K" : v}). */
    private static int valueStart(byte[] buf, int i, int end) {
        while (i < end && buf[i] == ' ') {
            i++;
        }
        if (i < end && buf[i] == ':') {
            i++;
        }
        while (i < end && buf[i] == ' ') {
            i++;
        }
        return i;
    }

    private static boolean matches(byte[] buf, int at, int end, byte[] key) {
        if (at + key.length > end) {
            return false;
        }
        for (int k = 0; k < key.length; k++) {
            if (buf[at + k] != key[k]) {
                return false;
            }
        }
        return true;
    }
}
