package dev.daxray.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

import dev.daxray.events.Hex;
import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;
import dev.daxray.incidents.Incident;
import dev.daxray.rules.Severity;

/**
 * The index's field names and how each is made. Exact fields are {@link KeywordField}s (terms and
 * sorted-set doc values) and facets; numbers are {@link LongField}s (points and doc values, so
 * they range-query and sort); text is analysed {@link TextField}s; the fleet incident's JSON is
 * stored whole, so a hit reads back exactly what was indexed.
 *
 * <p>{@code pfn} and {@code physAddr} are unsigned 64-bit: they are stored with the sign bit
 * flipped ({@link #unsigned}), so signed order is unsigned order and ranges above 2^63 work.
 */
public final class IncidentFields {

    /** Document type: {@link #INCIDENT} or {@link #BUNDLE}. */
    public static final String TYPE = "type";
    public static final String INCIDENT = "incident";
    public static final String BUNDLE_DOC = "bundle-record";

    /** The unique id (host/incident id), the upsert key. */
    public static final String ID = "id";
    /** The triage incident id (the same problem on two hosts that do not name themselves shares it). */
    public static final String INCIDENT_ID = "incidentId";

    public static final String KIND = "kind";
    public static final String LABELS = "labels";
    public static final String SEVERITY = "severity";
    public static final String HOST = "host";
    public static final String KERNEL = "kernel";
    public static final String DEVICE = "device";
    public static final String FS = "fs";
    public static final String COMM = "comm";
    public static final String FINGERPRINT = "fingerprint";
    public static final String MODEL = "model";
    public static final String BIOS = "bios";
    public static final String BUNDLE = "bundle";
    public static final String TIME_SOURCE = "timeSource";

    public static final String PFN = "pfn";
    public static final String PHYS_ADDR = "physAddr";
    public static final String PID = "pid";
    public static final String BOOT = "boot";
    /** Monotonic start, microseconds since boot (queried in seconds). */
    public static final String START = "start";
    /** Wall-clock time, epoch milliseconds (queried as ISO-8601 dates or now-7d). */
    public static final String TIME = "time";
    public static final String EVIDENCE_COUNT = "evidenceCount";
    /** 0 for critical … 4 for info, for sorting. */
    public static final String SEVERITY_RANK = "severityRank";

    public static final String TITLE = "title";
    public static final String SUMMARY = "summary";
    public static final String EVIDENCE = "evidence";
    public static final String ADVICE = "advice";
    /** Everything textual: the default field of a query. */
    public static final String TEXT = "text";

    public static final String JSON = "json";

    /** Bundle records: the key that says "this bundle's content has been indexed with these rules". */
    public static final String BUNDLE_KEY = "bundleKey";

    /**
     * Incidents and bundle records: where the bundle was read ({@link BundleRecord#source()}), so
     * that reading the same place again replaces them. Internal, not a query field.
     */
    public static final String SOURCE = "source";

    /** Exact-match fields, all of them facetable. */
    public static final List<String> KEYWORDS = List.of(KIND, LABELS, SEVERITY, HOST, KERNEL, DEVICE, FS, COMM,
            FINGERPRINT, MODEL, BIOS, BUNDLE, TIME_SOURCE, ID, INCIDENT_ID);
    /** Facetable fields (keywords minus the unique ids). */
    public static final List<String> FACETS = List.of(KIND, LABELS, SEVERITY, HOST, KERNEL, DEVICE, FS, COMM,
            FINGERPRINT, MODEL, BIOS, BUNDLE, TIME_SOURCE);
    private static final Set<String> MULTI_VALUED = Set.of(LABELS, DEVICE, FS, COMM);
    /** Numeric fields that take hexadecimal (0x…) values, unsigned. */
    public static final List<String> HEX_NUMBERS = List.of(PFN, PHYS_ADDR);
    public static final List<String> NUMBERS = List.of(PFN, PHYS_ADDR, PID, BOOT, START, TIME, EVIDENCE_COUNT,
            SEVERITY_RANK);
    public static final List<String> TEXTS = List.of(TITLE, SUMMARY, EVIDENCE, ADVICE, TEXT);

    /** Every field a query may name, with a one-line description (for --help and errors). */
    public static final Map<String, String> QUERYABLE = queryable();

    private IncidentFields() {
    }

    private static Map<String, String> queryable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KIND, "the incident kind, e.g. dax-poison-consumed");
        m.put(LABELS, "every kind the incident merged, plus rule labels");
        m.put(SEVERITY, "critical, high, medium, low, info");
        m.put(HOST, "host name (from the logs, else the bundle's directory name)");
        m.put(KERNEL, "kernel release from the boot banner");
        m.put(DEVICE, "devices named by the evidence (pmem0, dax0.0, namespace0.0, …)");
        m.put(FS, "filesystem type (xfs, ext4, …)");
        m.put(COMM, "process names signalled or killed");
        m.put(FINGERPRINT, "what the same problem shares across hosts");
        m.put(MODEL, "DMI machine model, when the boot printed it");
        m.put(BIOS, "DMI BIOS version and date");
        m.put(BUNDLE, "the host bundle (directory or archive) it came from");
        m.put(TIME_SOURCE, "log (the capture printed wall time) or collected (capture file time)");
        m.put(ID, "host/incident-id, unique in the index");
        m.put(INCIDENT_ID, "the triage incident id");
        m.put(PFN, "page frame numbers, 0x… or decimal, ranges [0x1000 TO 0x2000]");
        m.put(PHYS_ADDR, "physical addresses, 0x… or decimal, ranges");
        m.put(PID, "pids of signalled processes");
        m.put(BOOT, "0-based boot index within the capture");
        m.put(START, "seconds since boot of the first evidence line, e.g. start:[100 TO 5000.5]");
        m.put(TIME, "wall-clock time: 2026-03-01, 2026-03-01T12:00, now-7d, ranges");
        m.put(EVIDENCE_COUNT, "number of evidence lines");
        m.put(SEVERITY_RANK, "0 critical … 4 info");
        m.put(TITLE, "the incident title (analysed text)");
        m.put(SUMMARY, "the summary (analysed text)");
        m.put(EVIDENCE, "the evidence lines (analysed text)");
        m.put(ADVICE, "the advice (analysed text)");
        m.put(TEXT, "title, summary, evidence and advice together (the default field)");
        return m;
    }

    /**
     * How facets are laid out: each dimension in its own sorted-set field ({@code $facet.kind}, …),
     * so counting one dimension reads only its values, not every dimension's; some are multi-valued.
     */
    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : FACETS) {
            config.setIndexFieldName(dim, facetField(dim));
        }
        for (String dim : MULTI_VALUED) {
            config.setMultiValued(dim, true);
        }
        return config;
    }

    /** The doc-values field that holds a facet dimension. */
    public static String facetField(String dim) {
        return "$facet." + dim;
    }

    /** The signed long that sorts like the unsigned {@code value}. */
    public static long unsigned(long value) {
        return value ^ Long.MIN_VALUE;
    }

    /** Microseconds of a seconds value. */
    public static long micros(BigDecimal seconds) {
        return seconds.movePointRight(6).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
    }

    /** The Lucene document of one fleet incident (before {@link FacetsConfig#build}). */
    public static Document incident(FleetIncident f) {
        Incident i = f.incident();
        Document doc = new Document();
        doc.add(new KeywordField(TYPE, INCIDENT, Field.Store.NO));
        doc.add(new KeywordField(ID, f.id(), Field.Store.YES));
        doc.add(new KeywordField(INCIDENT_ID, i.id(), Field.Store.NO));
        keyword(doc, KIND, i.kind());
        i.labels().forEach(l -> keyword(doc, LABELS, l));
        keyword(doc, SEVERITY, i.severity());
        keyword(doc, HOST, i.host());
        keyword(doc, KERNEL, i.kernel());
        new TreeSet<>(i.devices()).forEach(d -> keyword(doc, DEVICE, d));
        filesystemTypes(i.filesystems()).forEach(fs -> keyword(doc, FS, fs));
        Set<String> comms = new TreeSet<>();
        i.processes().forEach(p -> comms.add(p.comm()));
        comms.forEach(c -> keyword(doc, COMM, c));
        keyword(doc, FINGERPRINT, i.fingerprint());
        keyword(doc, MODEL, f.dmiModel());
        keyword(doc, BIOS, f.bios());
        keyword(doc, BUNDLE, f.bundle());
        keyword(doc, TIME_SOURCE, f.timeSource());

        for (String pfn : i.pfns()) {
            doc.add(new LongField(PFN, unsigned(Hex.parse(pfn).value()), Field.Store.NO));
        }
        for (String addr : i.physAddrs()) {
            doc.add(new LongField(PHYS_ADDR, unsigned(Hex.parse(addr).value()), Field.Store.NO));
        }
        for (Incident.Process p : i.processes()) {
            if (p.pid() != null) {
                doc.add(new LongField(PID, p.pid(), Field.Store.NO));
            }
        }
        doc.add(new LongField(BOOT, i.boot(), Field.Store.NO));
        if (i.start() instanceof BigDecimal start) {
            doc.add(new LongField(START, micros(start), Field.Store.NO));
        }
        if (f.time() != null) {
            doc.add(new LongField(TIME, f.time(), Field.Store.NO));
        }
        doc.add(new LongField(EVIDENCE_COUNT, i.evidenceCount(), Field.Store.NO));
        doc.add(new LongField(SEVERITY_RANK, Severity.parse(i.severity()).map(Enum::ordinal).orElse(9), Field.Store.NO));

        StringBuilder evidence = new StringBuilder();
        for (Incident.Evidence e : i.evidence()) {
            evidence.append(e.text()).append('\n');
        }
        text(doc, TITLE, i.title());
        text(doc, SUMMARY, i.summary());
        text(doc, EVIDENCE, evidence.toString());
        text(doc, ADVICE, i.advice());
        text(doc, TEXT, String.join("\n", nonNull(i.title(), i.summary(), evidence.toString(), i.advice())));

        doc.add(new StoredField(JSON, FleetJson.write(f)));
        return doc;
    }

    /** A bundle record: the content key and what indexing it found, stored as JSON. */
    public static Document bundle(BundleRecord record) {
        Document doc = new Document();
        doc.add(new KeywordField(TYPE, BUNDLE_DOC, Field.Store.NO));
        doc.add(new KeywordField(ID, "bundle:" + record.key(), Field.Store.YES));
        doc.add(new KeywordField(BUNDLE_KEY, record.key(), Field.Store.YES));
        doc.add(new KeywordField(HOST, record.host(), Field.Store.NO));
        if (record.source() != null) {
            doc.add(new KeywordField(SOURCE, record.source(), Field.Store.NO));
        }
        doc.add(new StoredField(JSON, record.toJson()));
        return doc;
    }

    /** {@code xfs (pmem0)} → {@code xfs}. */
    static List<String> filesystemTypes(List<String> filesystems) {
        Set<String> types = new LinkedHashSet<>();
        for (String fs : filesystems) {
            int space = fs.indexOf(' ');
            types.add((space < 0 ? fs : fs.substring(0, space)).toLowerCase(java.util.Locale.ROOT));
        }
        return new ArrayList<>(new TreeSet<>(types));
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new KeywordField(field, value, Field.Store.NO));
            if (FACETS.contains(field)) {
                doc.add(new SortedSetDocValuesFacetField(field, value));
            }
        }
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }
}
