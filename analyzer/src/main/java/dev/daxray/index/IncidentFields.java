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
import org.apache.lucene.search.Query;

import dev.daxray.events.Hex;
import dev.daxray.fleet.BundleRecord;
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

    /**
     * The values of one fleet incident's search fields, in the fields' own terms (unsigned numbers
     * as their bits, time in epoch ms, start in µs), for every back end: the Lucene document below
     * and the OpenSearch one are both made from this.
     *
     * @param keywords exact fields → values (multi-valued ones sorted), absent fields left out
     * @param numbers  numeric fields → values
     * @param texts    analysed text fields → text
     */
    public record Values(Map<String, List<String>> keywords, Map<String, List<Long>> numbers, Map<String, String> texts) {
    }

    /** The search fields of {@code f}. */
    public static Values values(FleetIncident f) {
        Incident i = f.incident();
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        keywords.put(ID, List.of(f.id()));
        keywords.put(INCIDENT_ID, List.of(i.id()));
        keyword(keywords, KIND, i.kind());
        i.labels().forEach(l -> keyword(keywords, LABELS, l));
        keyword(keywords, SEVERITY, i.severity());
        keyword(keywords, HOST, i.host());
        keyword(keywords, KERNEL, i.kernel());
        new TreeSet<>(i.devices()).forEach(d -> keyword(keywords, DEVICE, d));
        filesystemTypes(i.filesystems()).forEach(fs -> keyword(keywords, FS, fs));
        Set<String> comms = new TreeSet<>();
        i.processes().forEach(p -> comms.add(p.comm()));
        comms.forEach(c -> keyword(keywords, COMM, c));
        keyword(keywords, FINGERPRINT, i.fingerprint());
        keyword(keywords, MODEL, f.dmiModel());
        keyword(keywords, BIOS, f.bios());
        keyword(keywords, BUNDLE, f.bundle());
        keyword(keywords, TIME_SOURCE, f.timeSource());

        Map<String, List<Long>> numbers = new LinkedHashMap<>();
        for (String pfn : i.pfns()) {
            number(numbers, PFN, Hex.parse(pfn).value());
        }
        for (String addr : i.physAddrs()) {
            number(numbers, PHYS_ADDR, Hex.parse(addr).value());
        }
        for (Incident.Process p : i.processes()) {
            if (p.pid() != null) {
                number(numbers, PID, p.pid());
            }
        }
        number(numbers, BOOT, i.boot());
        if (i.start() instanceof BigDecimal start) {
            number(numbers, START, micros(start));
        }
        if (f.time() != null) {
            number(numbers, TIME, f.time());
        }
        number(numbers, EVIDENCE_COUNT, i.evidenceCount());
        number(numbers, SEVERITY_RANK, Severity.parse(i.severity()).map(Enum::ordinal).orElse(9));

        StringBuilder evidence = new StringBuilder();
        for (Incident.Evidence e : i.evidence()) {
            evidence.append(e.text()).append('\n');
        }
        Map<String, String> texts = new LinkedHashMap<>();
        text(texts, TITLE, i.title());
        text(texts, SUMMARY, i.summary());
        text(texts, EVIDENCE, evidence.toString());
        text(texts, ADVICE, i.advice());
        text(texts, TEXT, String.join("\n", nonNull(i.title(), i.summary(), evidence.toString(), i.advice())));
        return new Values(keywords, numbers, texts);
    }

    /** The Lucene document of one fleet incident (before {@link FacetsConfig#build}). */
    public static Document incident(FleetIncident f) {
        Values values = values(f);
        Document doc = new Document();
        doc.add(new KeywordField(TYPE, INCIDENT, Field.Store.NO));
        values.keywords().forEach((field, list) -> {
            for (String value : list) {
                doc.add(new KeywordField(field, value, field.equals(ID) ? Field.Store.YES : Field.Store.NO));
                if (FACETS.contains(field)) {
                    doc.add(new SortedSetDocValuesFacetField(field, value));
                }
            }
        });
        values.numbers().forEach((field, list) -> {
            for (long value : list) {
                doc.add(new LongField(field, HEX_NUMBERS.contains(field) ? unsigned(value) : value, Field.Store.NO));
            }
        });
        values.texts().forEach((field, text) -> doc.add(new TextField(field, text, Field.Store.NO)));
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

    private static void keyword(Map<String, List<String>> keywords, String field, String value) {
        if (value != null && !value.isEmpty()) {
            keywords.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
        }
    }

    private static void number(Map<String, List<Long>> numbers, String field, long value) {
        numbers.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
    }

    private static void text(Map<String, String> texts, String field, String value) {
        if (value != null && !value.isEmpty()) {
            texts.put(field, value);
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

    /** Incident documents only (the index also holds bundle records). */
    static Query incidentsOnly() {
        return KeywordField.newExactQuery(TYPE, INCIDENT);
    }
}
