package dev.daxray.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.index.IncidentFields;
import dev.daxray.index.IncidentIndex;
import dev.daxray.index.QueryException;
import dev.daxray.index.SearchRequest;
import dev.daxray.index.SearchJson;
import dev.daxray.index.SearchResult;
import dev.daxray.index.TimeSpec;
import dev.daxray.opensearch.OpenSearchClient;
import dev.daxray.opensearch.OpenSearchIncidents;
import dev.daxray.output.Untrusted;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code daxray search}: query the fleet incident index. */
@Command(name = "search",
        mixinStandardHelpOptions = true,
        description = {
                "Search the incident index with Lucene query syntax (terms are ANDed unless you write OR).",
                "",
                "Exact fields: kind, labels, severity, host, kernel, device, fs, comm, fingerprint, model, bios,",
                "  bundle, timeSource, id, incidentId (wildcards like host:web-* work; leading ones do not).",
                "Numbers: pfn and physAddr (0x... or decimal, unsigned), pid, boot, evidenceCount,",
                "  start (seconds since boot), time (2026-03-01, 2026-03-01T12:00Z, now-7d); ranges [A TO B], {A TO B}.",
                "Text: title, summary, evidence, advice, and text (all of them; the default field)."},
        footer = {"", "Examples:",
                "  daxray search --index idx 'kind:dax-poison-consumed' --facet kernel",
                "  daxray search --index idx 'severity:(critical OR high) AND kernel:6.8*' \\",
                "      --since 7d",
                "  daxray search --index idx 'pfn:[0x3c0000 TO 0x3cffff]' --format json",
                "  daxray search --index idx --group-by fingerprint 'labels:sigbus-kill'",
                "  daxray search --index idx \\",
                "      'evidence:\"recovery action for dax page\" -comm:fsx'",
                "  daxray search --opensearch http://127.0.0.1:9200 \\",
                "      'kind:dax-poison-consumed' --facet host",
                "",
                "Exit codes: 0 ok (also with no hits), 2 usage error, bad query (with its",
                "column), no index or a damaged one, 4 internal error, 5 out of memory."})
public final class SearchCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Option(names = "--index", paramLabel = "DIR", description = "The index directory.")
    Path index;

    @Option(names = "--opensearch", paramLabel = "URL", description = "Search an OpenSearch cluster instead (daxray export fills it), e.g. http://127.0.0.1:9200.")
    java.net.URI opensearch;

    @Option(names = "--index-name", defaultValue = OpenSearchIncidents.DEFAULT_INDEX, paramLabel = "NAME",
            description = "With --opensearch: the OpenSearch index (default: ${DEFAULT-VALUE}).")
    String indexName;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--facet", paramLabel = "FIELD", description = "Count the values of FIELD over all matches (repeatable).")
    List<String> facets = new ArrayList<>();

    @Option(names = "--since", paramLabel = "T", description = "Only incidents at or after T (" + TimeSpec.FORMS + ").")
    String since;

    @Option(names = "--until", paramLabel = "T", description = "Only incidents before T.")
    String until;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Show at most N incidents, newest first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--group-by", paramLabel = "FIELD", description = "Group matches: 'fingerprint' lists how many hosts share each fingerprint.")
    String groupBy;

    @Option(names = "--timeout", defaultValue = "10000", paramLabel = "MS", description = "Stop a search after MS milliseconds and mark the result partial (default: ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Mixin
    DebugOption debug = new DebugOption();

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query (words are joined with spaces; none means every incident). It may start with '-' (-severity:high means everything but high).")
    List<String> query = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((index == null) == (opensearch == null)) {
            throw Cli.usageError(spec, "give one of --index DIR or --opensearch URL");
        }
        if (groupBy != null && !groupBy.equals(IncidentFields.FINGERPRINT)) {
            throw Cli.usageError(spec, "invalid value for --group-by: [" + groupBy + "]; expected: fingerprint");
        }
        for (String word : query) {
            if (word.startsWith("--") && word.length() > 2) {
                throw Cli.usageError(spec, "Unknown option: '" + word
                        + "' (a query may start with a single '-', as in -severity:high)");
            }
        }
        if (timeoutMillis < 1) {
            throw Cli.usageError(spec, "--timeout must be at least 1 ms, not ["
                    + timeoutMillis + "]");
        }
        if (limit < 0) {
            throw Cli.usageError(spec, "--limit must not be negative");
        }
        Instant now = Instant.now();
        String text = String.join(" ", query);
        SearchRequest request = new SearchRequest(text, time("--since", since, now), time("--until", until, now), limit,
                facets, groupBy != null, timeoutMillis, now);
        SearchResult result;
        try {
            result = search(request);
        } catch (QueryException e) {
            err.println("daxray: " + Untrusted.terminal(e.getMessage()));
            if (e.column() > 0 && e.column() <= text.length() + 1) {
                err.println("  " + Untrusted.terminal(text));
                err.println("  " + " ".repeat(Untrusted.terminal(text.substring(0, e.column() - 1)).length()) + "^");
            }
            return ExitCodes.USAGE_OR_IO;
        }
        if (format == Format.json) {
            out.println(json(result));
        } else {
            text(out, result);
        }
        out.flush();
        if (result.partial()) {
            err.println("daxray: the search hit its time limit (--timeout " + timeoutMillis + "); counts are partial");
        }
        return ExitCodes.OK;
    }

    private SearchResult search(SearchRequest request) throws IOException {
        if (opensearch != null) {
            return new OpenSearchIncidents(opensearch, indexName, OpenSearchClient.Retry.DEFAULT).search(request);
        }
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            return idx.search(request);
        }
    }

    private Long time(String option, String value, Instant now) {
        if (value == null) {
            return null;
        }
        try {
            return TimeSpec.parse(value, now);
        } catch (IllegalArgumentException e) {
            throw Cli.usageError(spec, "invalid value for " + option + ": " + e.getMessage());
        }
    }

    static void text(PrintWriter out, SearchResult result) {
        out.printf("%s%d incident%s match%s%s%n", result.partial() ? "at least " : "", result.total(),
                result.total() == 1 ? "" : "s", result.total() == 1 ? "es" : "",
                result.partial() ? " (partial: the search hit --timeout)"
                        : !result.hits().isEmpty() && result.hits().size() < result.total()
                        ? " (showing the newest " + result.hits().size() + ")" : "");
        for (FleetIncident f : result.hits()) {
            out.printf("%-20s  %-16s  %-8s  %-26s  %s  [%s]%n",
                    f.time() == null ? "-" : Instant.ofEpochMilli(f.time()).toString().replaceFirst("\\.\\d+Z$", "Z"),
                    safe(f.incident().host()), f.incident().severity().toUpperCase(Locale.ROOT), safe(f.incident().kind()),
                    safe(f.incident().title()), safe(f.id()));
        }
        for (Map.Entry<String, List<SearchResult.Count>> facet : result.facets().entrySet()) {
            out.println();
            out.println(facet.getKey() + ":");
            int width = facet.getValue().stream().mapToInt(c -> safe(c.value()).length()).max().orElse(0);
            for (SearchResult.Count c : facet.getValue()) {
                out.printf("  %-" + Math.max(1, width) + "s  %d%n", safe(c.value()), c.count());
            }
            if (facet.getValue().isEmpty()) {
                out.println("  (no values)");
            }
        }
        if (!result.groups().isEmpty()) {
            out.println();
            out.println("fingerprints (hosts sharing each):");
            for (SearchResult.FingerprintGroup g : result.groups()) {
                out.printf("  %s  %-26s  %d host%s, %d incident%s: %s%s%n", safe(g.fingerprint()), safe(g.kind()), g.hosts(),
                        g.hosts() == 1 ? "" : "s", g.incidents(), g.incidents() == 1 ? "" : "s",
                        safe(String.join(", ", g.sampleHosts())), g.hosts() > g.sampleHosts().size() ? ", …" : "");
            }
        }
    }

    private static String safe(String text) {
        return Untrusted.terminal(text);
    }

    static String json(SearchResult result) throws IOException {
        return SearchJson.write(result);
    }
}
