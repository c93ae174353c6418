package dev.daxray.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.daxray.index.IncidentIndex;
import dev.daxray.opensearch.IncidentExporter;
import dev.daxray.opensearch.OpenSearchClient;
import dev.daxray.opensearch.OpenSearchIncidents;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daxray export}: copy the local incident index to OpenSearch, for a team to search. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
                "Export every incident of a local index to an OpenSearch index (created with daxray's mapping when",
                "missing), so a team searches one index: daxray search --opensearch URL runs the same queries there.",
                "",
                "Each incident is upserted by host/incident-id, so exporting again never duplicates; a host read again",
                "from the same place replaces its older incidents there too. 429 and 5xx answers are retried with backoff;",
                "only what OpenSearch acknowledged is counted as written."},
        footer = {"", "Examples:",
                "  daxray export --index idx --opensearch http://127.0.0.1:9200",
                "  daxray export --index /srv/daxray/idx \\",
                "      --opensearch https://search.example:9200 --index-name fleet-prod",
                "",
                "Exit codes: 0 every incident written, 2 usage error, no index, or OpenSearch",
                "unreachable or refusing, 4 internal error, 5 out of memory."})
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The local index directory.")
    Path index;

    @Option(names = "--opensearch", required = true, paramLabel = "URL", description = "The OpenSearch cluster, e.g. http://127.0.0.1:9200.")
    URI opensearch;

    @Option(names = "--index-name", defaultValue = OpenSearchIncidents.DEFAULT_INDEX, paramLabel = "NAME",
            description = "The OpenSearch index (default: ${DEFAULT-VALUE}).")
    String indexName;

    @Mixin
    DebugOption debug = new DebugOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        IncidentExporter exporter = new OpenSearchIncidents(opensearch, indexName, OpenSearchClient.Retry.DEFAULT)
                .exporter(IncidentExporter.Limits.DEFAULT);
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            idx.forEachSource(1_000, exporter::add);
        }
        exporter.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(java.util.Locale.ROOT, "exported %d incidents to %s index %s in %.1f s%n", exporter.written(), opensearch,
                indexName, seconds);
        out.flush();
        return ExitCodes.OK;
    }
}
