package dev.daxray.records;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells, from raw bytes, which families a line could belong to: the cheap test that keeps almost
 * every line of a large capture away from the parsers.
 *
 * <p>Each keyword is indexed by two anchors: its rarest byte pair at an even offset and its rarest
 * at an odd offset. The scan then tests only every second byte pair of the line against a 64 Kbit
 * table (whatever the parity of a keyword's start, one of its anchors lands on a tested position)
 * and compares whole keywords only where a pair is an anchor. The result is a bit mask over
 * families (bit {@code i} = family {@code i}).
 */
public final class KeywordPrefilter {

    private static final int PAIRS = 1 << 16;

    private final long[] anchors = new long[PAIRS / 64];
    private final Entry[][] entriesByPair = new Entry[PAIRS][];

    private record Entry(byte[] keyword, int anchor, long familyBit) {
    }

    /** @param keywordsByFamily keyword lists, one per family, in family order (at most 64 families) */
    public KeywordPrefilter(List<List<String>> keywordsByFamily) {
        if (keywordsByFamily.size() > 64) {
            throw new IllegalArgumentException("at most 64 families");
        }
        List<List<Entry>> building = new ArrayList<>(PAIRS);
        for (int i = 0; i < PAIRS; i++) {
            building.add(null);
        }
        for (int family = 0; family < keywordsByFamily.size(); family++) {
            for (String keyword : keywordsByFamily.get(family)) {
                byte[] bytes = keyword.getBytes(StandardCharsets.US_ASCII);
                if (bytes.length < 3) {
                    throw new IllegalArgumentException("keyword too short for the prefilter (3 bytes at least): ["
                            + keyword + "]");
                }
                for (int parity = 0; parity < 2; parity++) {
                    int anchor = rarestPair(bytes, parity);
                    int pair = pair(bytes[anchor], bytes[anchor + 1]);
                    anchors[pair >>> 6] |= 1L << pair;
                    if (building.get(pair) == null) {
                        building.set(pair, new ArrayList<>());
                    }
                    building.get(pair).add(new Entry(bytes, anchor, 1L << family));
                }
            }
        }
        for (int i = 0; i < PAIRS; i++) {
            if (building.get(i) != null) {
                entriesByPair[i] = building.get(i).toArray(new Entry[0]);
            }
        }
    }

    /** The families whose keywords occur in {@code buf[off, off+len)}. */
    public long match(byte[] buf, int off, int len) {
        long mask = 0;
        int last = off + len - 1;
        for (int i = off; i < last; i += 2) {
            int pair = ((buf[i] & 0xff) << 8) | (buf[i + 1] & 0xff);
            if ((anchors[pair >>> 6] & (1L << pair)) != 0) {
                mask |= verify(entriesByPair[pair], buf, off, off + len, i);
            }
        }
        return mask;
    }

    private static long verify(Entry[] entries, byte[] buf, int lineStart, int lineEnd, int at) {
        long mask = 0;
        for (Entry entry : entries) {
            int start = at - entry.anchor;
            byte[] keyword = entry.keyword;
            if (start < lineStart || start + keyword.length > lineEnd) {
                continue;
            }
            boolean equal = true;
            for (int k = 0; k < keyword.length; k++) {
                if (buf[start + k] != keyword[k]) {
                    equal = false;
                    break;
                }
            }
            if (equal) {
                mask |= entry.familyBit;
            }
        }
        return mask;
    }

    private static int pair(byte a, byte b) {
        return ((a & 0xff) << 8) | (b & 0xff);
    }

    /** The anchor of a parity: the byte pair at such an offset least likely in ordinary log text. */
    private static int rarestPair(byte[] keyword, int parity) {
        int best = parity;
        int bestScore = Integer.MAX_VALUE;
        for (int i = parity; i + 1 < keyword.length; i += 2) {
            int score = commonness(keyword[i]) * commonness(keyword[i + 1]);
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** A rough frequency rank of a byte in kernel logs: lower is rarer. */
    private static int commonness(byte b) {
        char c = (char) (b & 0xff);
        if (c == ' ') {
            return 40;
        }
        if ("etaoinsr".indexOf(c) >= 0) {
            return 25;
        }
        if ("hldcumfpgwybvk".indexOf(c) >= 0) {
            return 12;
        }
        if (c >= '0' && c <= '9') {
            return 15;
        }
        if (".:,=-_()[]/".indexOf(c) >= 0) {
            return 8;
        }
        if (c >= 'a' && c <= 'z') {
            return 4;
        }
        if (c >= 'A' && c <= 'Z') {
            return 3;
        }
        return 2;
    }
}
