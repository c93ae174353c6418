package dev.daxray.index;

import java.io.IOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * One segment's values of a single-valued keyword field, each value's string looked up once: a
 * terms-dictionary lookup decompresses a block, which per document costs more than the counting.
 * Not thread-safe; one per segment and collector.
 */
final class OrdinalNames {

    private final SortedSetDocValues values;
    private final String[] names;

    OrdinalNames(LeafReader reader, String field) throws IOException {
        this.values = DocValues.getSortedSet(reader, field);
        this.names = new String[Math.toIntExact(values.getValueCount())];
    }

    /** How many distinct values the segment has. */
    int size() {
        return names.length;
    }

    /** The ordinal of the document's value (its first, for a multi-valued field), or -1 without one. */
    long ordinal(int doc) throws IOException {
        return values.advanceExact(doc) ? values.nextOrd() : -1;
    }

    /** The value of an ordinal from {@link #ordinal}. */
    String name(long ordinal) throws IOException {
        int i = (int) ordinal;
        String name = names[i];
        if (name == null) {
            name = values.lookupOrd(ordinal).utf8ToString();
            names[i] = name;
        }
        return name;
    }

    /** The document's value, or null without one. */
    String of(int doc) throws IOException {
        long ordinal = ordinal(doc);
        return ordinal < 0 ? null : name(ordinal);
    }
}
