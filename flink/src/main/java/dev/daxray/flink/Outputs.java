package dev.daxray.flink;

import java.io.Serializable;

/**
 * Where the job's results go (one or more), and its work directory for journals.
 *
 * @param work        journals (any Flink file system); default next to the index or NDJSON file
 * @param index       a daxray Lucene index directory, or null (a local path of the machine that runs
 *                    the commit step: on a real cluster, a shared mount)
 * @param ndjson      an NDJSON file of the incidents this run found (any Flink file system), or null
 * @param opensearch  an OpenSearch URL, or null
 * @param indexName   the OpenSearch index
 */
public record Outputs(String work, String index, String ndjson, String opensearch, String indexName) implements Serializable {
}
