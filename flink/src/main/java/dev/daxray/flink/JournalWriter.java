package dev.daxray.flink;

import java.nio.charset.StandardCharsets;

import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Appends each host read by this subtask to its own journal ({@link Journals}), synced every
 * {@value #SYNC_EVERY_HOSTS} hosts and every {@value #SYNC_EVERY_MILLIS} ms, and counts hosts by
 * outcome in accumulators the client prints. At the end of its input it syncs and closes the
 * journal and tells the commit step its name.
 */
final class JournalWriter extends AbstractStreamOperator<String> implements OneInputStreamOperator<HostRead, String>,
        BoundedOneInput {

    private static final long serialVersionUID = 1L;
    static final int SYNC_EVERY_HOSTS = 64;
    static final long SYNC_EVERY_MILLIS = 2_000;

    static final String HOSTS = "daxray.hosts";
    static final String INDEXED = "daxray.indexed";
    static final String UNCHANGED = "daxray.unchanged";
    static final String FAILED = "daxray.failed";
    static final String BYTES = "daxray.bytes";
    static final String INCIDENTS = "daxray.incidents";
    /** "name\tstatus\tproblem; problem" for each host with problems. */
    static final String PROBLEMS = "daxray.problems";

    private final String work;
    private final long run;
    private transient Path journal;
    private transient FSDataOutputStream out;
    private transient int unsynced;
    private transient long lastSync;
    private transient ListAccumulator<String> problems;

    JournalWriter(String work, long run) {
        this.work = work;
        this.run = run;
    }

    @Override
    public void open() throws Exception {
        super.open();
        problems = new ListAccumulator<>();
        getRuntimeContext().addAccumulator(PROBLEMS, problems);
        journal = new Path(work, Journals.fileName(run, getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                getRuntimeContext().getTaskInfo().getAttemptNumber()));
        lastSync = System.nanoTime();
    }

    @Override
    public void processElement(StreamRecord<HostRead> element) throws Exception {
        HostRead read = element.getValue();
        getRuntimeContext().getLongCounter(HOSTS).add(1);
        getRuntimeContext().getLongCounter(BYTES).add(read.bytes());
        switch (read.status()) {
            case "INDEXED" -> getRuntimeContext().getLongCounter(INDEXED).add(1);
            case "UNCHANGED" -> getRuntimeContext().getLongCounter(UNCHANGED).add(1);
            default -> getRuntimeContext().getLongCounter(FAILED).add(1);
        }
        if (!read.problems().isEmpty()) {
            problems.add(read.name() + "\t" + read.status() + "\t" + String.join("; ", read.problems()));
        }
        if (read.result() == null) {
            return;
        }
        if (out == null) {
            out = journal.getFileSystem().create(journal, FileSystem.WriteMode.NO_OVERWRITE);
        }
        out.write(read.result().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        getRuntimeContext().getLongCounter(INCIDENTS).add(read.incidents());
        if (++unsynced >= SYNC_EVERY_HOSTS || System.nanoTime() - lastSync >= SYNC_EVERY_MILLIS * 1_000_000L) {
            sync();
        }
    }

    private void sync() throws java.io.IOException {
        out.flush();
        out.sync();
        unsynced = 0;
        lastSync = System.nanoTime();
    }

    @Override
    public void endInput() throws Exception {
        if (out != null) {
            sync();
            out.close();
            out = null;
        }
        output.collect(new StreamRecord<>(journal.getName()));
    }

    @Override
    public void close() throws Exception {
        try {
            if (out != null) {
                out.close();      // a failed or cancelled task: what was synced stays for the next run
            }
        } finally {
            super.close();
        }
    }
}
