package dev.daxray.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Tells binary lines from text by their bytes. Text logs have no control bytes but tab, backspace,
 * bell, form feed, vertical tab and ESC (colour codes): dmesg, journalctl and rsyslog escape the rest.
 * They are UTF-8, or now and then Latin-1 with an accented letter here and there. Random or binary
 * data (a {@code .journal} file, an archive of a kind daxray does not open) has about one byte in
 * eleven in the other C0 controls and about two in five that are no UTF-8, so its lines are told
 * apart at once and never reach a parser. Lines of plain ASCII text cost one pass of eight bytes at a time.
 */
public final class Binary {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SPACES = 0x2020202020202020L;
    private static final long HIGHS = 0x8080808080808080L;

    private Binary() {
    }

    /**
     * True when control bytes that text never has (0x01-0x06, 0x0e-0x1a, 0x1c-0x1f; NULs are removed
     * before) make up more than one in 64 bytes of {@code buf[off, off+len)} (and at least one), or
     * bytes that are not UTF-8 more than one in eight.
     */
    public static boolean line(byte[] buf, int off, int len) {
        return !plainText(buf, off, len) && suspect(buf, off, len);
    }

    /** No byte below 0x20 and none above 0x7f: the common case, checked eight bytes at a time. */
    private static boolean plainText(byte[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            long word = (long) LONGS.get(buf, i);
            // high bit set where a byte is above 0x7f, or may be below 0x20 (exact for the lowest)
            if ((word & HIGHS) != 0 || ((word - SPACES) & ~word & HIGHS) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (buf[i] < 0x20) {
                return false;
            }
        }
        return true;
    }

    /** Counts until the line is surely binary (on random data: within its first few dozen bytes). */
    private static boolean suspect(byte[] buf, int off, int len) {
        long controlLimit = len / 64;   // binary above these
        long invalidLimit = len / 8;
        int controls = 0;
        int invalid = 0;
        int end = off + len;
        for (int i = off; i < end; ) {
            int b = buf[i] & 0xff;
            if (b < 0x80) {
                if ((b >= 0x01 && b <= 0x06 || b >= 0x0e && b <= 0x1a || b >= 0x1c && b <= 0x1f)
                        && ++controls > controlLimit) {
                    return true;
                }
                i++;
                continue;
            }
            int length = utf8Length(buf, i, end);
            if (length > 0) {
                i += length;
            } else if (++invalid > invalidLimit) {
                return true;
            } else {
                i++;
            }
        }
        return false;
    }

    /** The length of the well-formed UTF-8 sequence at {@code i}, or 0 when there is none. */
    private static int utf8Length(byte[] buf, int i, int end) {
        int b = buf[i] & 0xff;
        int length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (length == 0 || i + length > end) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            if ((buf[i + k] & 0xc0) != 0x80) {
                return 0;
            }
        }
        return length;
    }
}
