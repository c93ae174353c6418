package dev.daxray.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;
import dev.daxray.fleet.HostResult;
import dev.daxray.index.IncidentIndex;
import dev.daxray.opensearch.IncidentExporter;
import dev.daxray.opensearch.OpenSearchClient;
import dev.daxray.opensearch.OpenSearchIncidents;

/**
 * The job's last step (parallelism 1, after every host was read and journaled): replays the
 * journals in fleet order into each output, exactly as {@code daxray batch} applies hosts, so the
 * outputs equal a batch's whatever the timing of the reads.
 *
 * <ol>
 *   <li>NDJSON is written to a temporary file and synced;</li>
 *   <li>the Lucene index gets each host through {@link IncidentIndex#add} (upsert by id; a place
 *       read again replaces what it gave) and one atomic commit;</li>
 *   <li>the NDJSON file is renamed into place;</li>
 *   <li>OpenSearch gets each host through the same exporter as {@code daxray export};</li>
 *   <li>the journals are deleted.</li>
 * </ol>
 * A failure or kill anywhere before the last step leaves the journals, so the next run (which
 * skips the journaled hosts) replays them again; each step is idempotent.
 */
final class CommitSink implements Sink<String> {

    private static final long serialVersionUID = 1L;

    private final Outputs outputs;

    CommitSink(Outputs outputs) {
        this.outputs = outputs;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(String journal, Context context) {
                // The journals are read from the work directory at the end (a killed run's too).
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                if (endOfInput) {
                    commit(outputs);
                }
            }

            @Override
            public void close() {
            }
        };
    }

    static void commit(Outputs outputs) throws IOException {
        Journals journals = Journals.read(new Path(outputs.work()));
        Path ndjsonTemp = null;
        if (outputs.ndjson() != null) {
            ndjsonTemp = new Path(outputs.ndjson() + ".flink-tmp");
            try (FSDataOutputStream out = ndjsonTemp.getFileSystem().create(ndjsonTemp, FileSystem.WriteMode.OVERWRITE);
                 Journals.Reader reader = journals.reader()) {
                for (Journals.Entry entry : journals.entries()) {
                    writeLines(out, reader.read(entry));
                }
                out.flush();
                out.sync();
            }
        }
        if (outputs.index() != null) {
            try (IncidentIndex index = IncidentIndex.openForWriting(java.nio.file.Path.of(outputs.index()));
                 Journals.Reader reader = journals.reader()) {
                for (Journals.Entry entry : journals.entries()) {
                    HostResult result = reader.read(entry);
                    index.add(result.record(), result.incidents());
                }
                index.commit();
            }
        }
        if (ndjsonTemp != null) {
            Path target = new Path(outputs.ndjson());
            FileSystem fs = target.getFileSystem();
            fs.delete(target, false);
            if (!fs.rename(ndjsonTemp, target)) {
                throw new IOException("cannot rename " + ndjsonTemp + " to " + target);
            }
        }
        if (outputs.opensearch() != null) {
            IncidentExporter exporter = new OpenSearchIncidents(URI.create(outputs.opensearch()), outputs.indexName(),
                    OpenSearchClient.Retry.DEFAULT).exporter(IncidentExporter.Limits.DEFAULT);
            try (Journals.Reader reader = journals.reader()) {
                for (Journals.Entry entry : journals.entries()) {
                    HostResult result = reader.read(entry);
                    exporter.add(result.record().source(), result.incidents());
                }
            }
            exporter.finish();
        }
        journals.delete();
    }

    private static void writeLines(OutputStream out, HostResult result) throws IOException {
        for (FleetIncident f : result.incidents()) {
            out.write(FleetJson.write(f).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }
}
