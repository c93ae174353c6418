package dev.daxray.index;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * One facet dimension of one segment, decoded once into arrays: each document's value ordinals
 * and each ordinal's value. Counting a dimension over half a million matches is then an array
 * read and an increment per match, instead of a doc-values lookup and decode per match, which
 * made the counting most of a large search's time.
 *
 * <p>Memory: 4 bytes per document of the segment (one more array of 4 bytes per value when some
 * document has several), plus the distinct values; a reader keeps the columns of the dimensions
 * it was asked to count, dropped with the reader.
 */
final class FacetColumn {

    /** No value. */
    private static final int NONE = -1;

    /** The values by segment ordinal (the dimension's prefix removed). */
    private final String[] values;
    /** Single-valued layout: each document's ordinal or {@link #NONE}; null in the multi-valued layout. */
    private final int[] single;
    /** Multi-valued layout: document d's ordinals are {@code ords[starts[d]] .. ords[starts[d+1]-1]}. */
    private final int[] starts;
    private final int[] ords;

    private FacetColumn(String[] values, int[] single, int[] starts, int[] ords) {
        this.values = values;
        this.single = single;
        this.starts = starts;
        this.ords = ords;
    }

    /** The column of {@code field} in {@code segment}; null when no document of it has a value. */
    static FacetColumn read(LeafReader segment, String field) throws IOException {
        if (segment.getFieldInfos().fieldInfo(field) == null) {
            return null;
        }
        int maxDoc = segment.maxDoc();
        SortedSetDocValues dv = DocValues.getSortedSet(segment, field);
        int[] first = new int[maxDoc];
        Arrays.fill(first, NONE);
        boolean multi = false;
        long total = 0;
        for (int doc = dv.nextDoc(); doc != SortedSetDocValues.NO_MORE_DOCS; doc = dv.nextDoc()) {
            int n = dv.docValueCount();
            first[doc] = (int) dv.nextOrd();
            total += n;
            multi |= n > 1;
        }
        String[] values = values(DocValues.getSortedSet(segment, field));
        if (!multi) {
            return new FacetColumn(values, first, null, null);
        }
        return multiValued(segment, field, values, maxDoc, Math.toIntExact(total));
    }

    private static FacetColumn multiValued(LeafReader segment, String field, String[] values, int maxDoc, int total)
            throws IOException {
        int[] starts = new int[maxDoc + 1];
        int[] ords = new int[total];
        SortedSetDocValues dv = DocValues.getSortedSet(segment, field);
        int at = 0;
        int next = 0;
        for (int doc = dv.nextDoc(); doc != SortedSetDocValues.NO_MORE_DOCS; doc = dv.nextDoc()) {
            while (next <= doc) {
                starts[next++] = at;
            }
            for (int i = 0, n = dv.docValueCount(); i < n; i++) {
                ords[at++] = (int) dv.nextOrd();
            }
        }
        while (next <= maxDoc) {
            starts[next++] = at;
        }
        return new FacetColumn(values, null, starts, ords);
    }

    private static String[] values(SortedSetDocValues dv) throws IOException {
        String[] values = new String[Math.toIntExact(dv.getValueCount())];
        for (int ord = 0; ord < values.length; ord++) {
            BytesRef term = dv.lookupOrd(ord);
            String[] path = FacetsConfig.stringToPath(term.utf8ToString());
            values[ord] = path[path.length - 1];
        }
        return values;
    }

    /** The number of distinct values (ordinals run from 0 to this, exclusive). */
    int valueCount() {
        return values.length;
    }

    String value(int ord) {
        return values[ord];
    }

    /** Adds one to {@code counts[ord]} for each value of {@code doc}. */
    void count(int doc, int[] counts) {
        if (single != null) {
            int ord = single[doc];
            if (ord != NONE) {
                counts[ord]++;
            }
            return;
        }
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
            counts[ords[i]]++;
        }
    }
}
