package dev.daxray.fleet;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import dev.daxray.capture.CaptureInput;
import dev.daxray.capture.Decompression;
import dev.daxray.capture.Inputs;
import dev.daxray.events.Origin;
import dev.daxray.families.Families;
import dev.daxray.incidents.Incident;
import dev.daxray.incidents.IncidentBuilder;
import dev.daxray.index.BundleRecord;
import dev.daxray.incidents.Triage;
import dev.daxray.rules.RuleSet;
import dev.daxray.rules.Severity;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.ReadListener;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * Reads one host bundle into fleet incidents: its content key first (so an unchanged bundle is
 * skipped before any parsing), then the timeline of all its captures, then triage.
 *
 * <p>Inputs are named {@code BUNDLE/relative/path} (directories) or {@code BUNDLE.tar.gz:entry}
 * (archives), so evidence does not depend on where the fleet dump is. A directory or file whose
 * inputs partly fail to read (a truncated gzip keeps the lines before the break) is indexed with
 * its problems listed; an archive that fails anywhere, or a bundle where nothing could be read (or
 * that holds no captures), fails as a whole and is left out of the index (a later run tries it again).
 */
public final class BundleReader {

    /** What a batch needs to read bundles. */
    public record Context(RuleSet rules, String rulesDigest, Predicate<String> alreadyIndexed, LongConsumer bytesRead) {
    }

    /** How reading a bundle ended. */
    /** FAILED: the host could not be read; BROKEN: reading it hit a bug in daxray (skipped as well). */
    public enum Status { INDEXED, UNCHANGED, FAILED, BROKEN }

    /** One bundle's result. */
    public record Outcome(HostBundle bundle, Status status, String key, String host, int inputs,
                         List<FleetIncident> incidents, List<String> problems) {
        public Outcome {
            incidents = List.copyOf(incidents);
            problems = List.copyOf(problems);
        }

        /** What the index records of a bundle read (status {@link Status#INDEXED}). */
        public BundleRecord record() {
            return new BundleRecord(key, host, bundle.name(), bundle.bytes(), inputs, incidents.size(), problems,
                    bundle.source());
        }

        static Outcome failed(HostBundle bundle, List<String> problems) {
            return new Outcome(bundle, Status.FAILED, null, bundle.name(), 0, List.of(), problems);
        }

        /** Reading the bundle failed on a bug ({@code failure}): skipped, and the batch exits as an internal error. */
        public static Outcome broken(HostBundle bundle, Throwable failure) {
            return new Outcome(bundle, Status.BROKEN, null, bundle.name(), 0, List.of(),
                    List.of(bundle.path() + ": internal error: " + failure));
        }

        /** True when the bundle was left out of the index (unreadable, or broken). */
        public boolean skipped() {
            return status == Status.FAILED || status == Status.BROKEN;
        }
    }

    private BundleReader() {
    }

    public static Outcome read(HostBundle bundle, Context context) {
        try {
            return Files.isDirectory(bundle.path()) ? readDirectory(bundle, context) : readFile(bundle, context);
        } catch (IOException | UncheckedIOException e) {
            return Outcome.failed(bundle, List.of(bundle.path() + ": " + Inputs.reason(e)));
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.broken(bundle, e);
        }
    }

    // ---- directories

    private static Outcome readDirectory(HostBundle bundle, Context context) throws IOException {
        Inputs.Expansion expansion = Inputs.expandBundle(bundle.path());
        List<String> problems = new ArrayList<>(expansion.problems());
        List<Path> files = expansion.inputs().stream().map(in -> Path.of(in.name())).toList();
        MessageDigest digest = keyDigest(bundle, context);
        for (Path file : files) {
            digest.update(relative(bundle, file).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStreamSink.INSTANCE);
            } catch (IOException e) {
                digest.update(("unreadable:" + Inputs.reason(e)).getBytes(StandardCharsets.UTF_8));
            }
        }
        for (String problem : problems) {
            digest.update(problem.getBytes(StandardCharsets.UTF_8));
        }
        String key = HexFormat.of().formatHex(digest.digest());
        if (context.alreadyIndexed().test(key)) {
            return new Outcome(bundle, Status.UNCHANGED, key, bundle.name(), files.size(), List.of(), problems);
        }
        MachineInfo machine = new MachineInfo();
        Map<String, Long> fileTimes = new HashMap<>();
        List<CaptureInput> inputs = new ArrayList<>();
        for (Path file : files) {
            String name = relative(bundle, file);
            inputs.add(new CaptureInput(name, () -> {
                fileTimes.put(name, Files.getLastModifiedTime(file).toMillis());
                return machine.sniff(Decompression.open(new Counting(Files.newInputStream(file), context.bytesRead())));
            }));
        }
        if (inputs.isEmpty()) {
            problems.add(bundle.path() + ": no capture files in it");
            return Outcome.failed(bundle, problems);
        }
        try (Timeline.Stream timeline = Timeline.stream(inputs.iterator(), ScanOptions.defaults(), Families.standard(),
                ReadListener.NONE)) {
            long unread = 0;
            for (InputSummary summary : timeline.inputs()) {
                if (summary.failed()) {
                    problems.add(summary.file() + ": " + summary.error());
                    if (summary.lines() == 0) {
                        unread++;
                    }
                }
            }
            if (unread == inputs.size()) {
                return Outcome.failed(bundle, problems);     // nothing at all was read
            }
            return finish(bundle, key, timeline, context, machine, fileTimes, problems);
        }
    }

    private static String relative(HostBundle bundle, Path file) {
        Path rel = bundle.path().relativize(file);
        StringBuilder name = new StringBuilder(bundle.path().getFileName().toString());
        for (Path part : rel) {
            name.append('/').append(part);
        }
        return name.toString();
    }

    // ---- single files and archives

    private static Outcome readFile(HostBundle bundle, Context context) throws IOException {
        MessageDigest digest = keyDigest(bundle, context);
        try (InputStream in = new DigestInputStream(Files.newInputStream(bundle.path()), digest)) {
            in.transferTo(OutputStreamSink.INSTANCE);
        }
        String key = HexFormat.of().formatHex(digest.digest());
        if (context.alreadyIndexed().test(key)) {
            return new Outcome(bundle, Status.UNCHANGED, key, bundle.name(), 1, List.of(), List.of());
        }
        String fileName = bundle.path().getFileName().toString();
        MachineInfo machine = new MachineInfo();
        Map<String, Long> fileTimes = new ConcurrentHashMap<>();
        List<String> problems = new ArrayList<>();
        try (InputStream raw = Decompression.open(new Counting(Files.newInputStream(bundle.path()), context.bytesRead()));
             BufferedInputStream in = Decompression.buffered(raw)) {
            byte[] head = new byte[512];
            in.mark(head.length);
            int n = in.readNBytes(head, 0, head.length);
            in.reset();
            if (!TarArchiveInputStream.matches(head, n)) {
                if (bundle.namedAsArchive()) {
                    return Outcome.failed(bundle, List.of(bundle.path() + ": not a tar archive"));
                }
                fileTimes.put(fileName, Files.getLastModifiedTime(bundle.path()).toMillis());
                CaptureInput single = new CaptureInput(fileName, () -> machine.sniff(Decompression.open(new Shield(in))));
                try (Timeline.Stream timeline = Timeline.stream(List.of(single).iterator(), ScanOptions.defaults(),
                        Families.standard(), ReadListener.NONE)) {
                    InputSummary summary = timeline.inputs().get(0);
                    if (summary.failed()) {
                        problems.add(summary.file() + ": " + summary.error());
                        if (summary.lines() == 0) {
                            return Outcome.failed(bundle, problems);
                        }
                    }
                    return finish(bundle, key, timeline, context, machine, fileTimes, problems);
                }
            }
            TarInputs entries = new TarInputs(new TarArchiveInputStream(in), fileName, machine, fileTimes, problems);
            try (Timeline.Stream timeline = Timeline.stream(entries, ScanOptions.defaults(), Families.standard(),
                    ReadListener.NONE)) {
                for (InputSummary summary : timeline.inputs()) {
                    if (summary.failed()) {
                        problems.add(summary.file() + ": " + summary.error());
                    }
                }
                if (!problems.isEmpty()) {
                    return Outcome.failed(bundle, problems);
                }
                return finish(bundle, key, timeline, context, machine, fileTimes, problems);
            }
        }
    }

    /** The regular-file entries of a tar stream as inputs, read in one pass; hidden paths skipped. */
    private static final class TarInputs implements Iterator<CaptureInput> {
        private final TarArchiveInputStream tar;
        private final String prefix;
        private final MachineInfo machine;
        private final Map<String, Long> fileTimes;
        private final List<String> problems;
        private TarArchiveEntry pending;
        private boolean done;

        TarInputs(TarArchiveInputStream tar, String prefix, MachineInfo machine, Map<String, Long> fileTimes,
                  List<String> problems) {
            this.tar = tar;
            this.prefix = prefix;
            this.machine = machine;
            this.fileTimes = fileTimes;
            this.problems = problems;
        }

        @Override
        public boolean hasNext() {
            while (pending == null && !done) {
                try {
                    TarArchiveEntry entry = tar.getNextEntry();
                    if (entry == null) {
                        done = true;
                    } else if (entry.isFile() && !hidden(entry.getName())) {
                        pending = entry;
                    }
                } catch (IOException | RuntimeException e) {
                    problems.add(prefix + ": broken tar archive: " + (e instanceof IOException io ? Inputs.reason(io) : e.toString()));
                    done = true;
                }
            }
            return pending != null;
        }

        @Override
        public CaptureInput next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            TarArchiveEntry entry = pending;
            pending = null;
            String name = prefix + ":" + entry.getName();
            fileTimes.put(name, entry.getModTime().getTime());
            return new CaptureInput(name, () -> machine.sniff(Decompression.open(new Shield(tar))));
        }

        private static boolean hidden(String path) {
            for (String part : path.split("/")) {
                if (part.startsWith(".") && !part.equals(".") && !part.equals("..")) {
                    return true;
                }
            }
            return false;
        }
    }

    // ---- from timeline to fleet incidents

    private static Outcome finish(HostBundle bundle, String key, Timeline.Stream timeline, Context context,
                                  MachineInfo machine, Map<String, Long> fileTimes, List<String> problems) {
        Map<String, Integer> hosts = new HashMap<>();
        Triage.Result result = Triage.run(timeline, context.rules(), Severity.INFO, e -> {
            if (e.origin().host() != null) {
                hosts.merge(e.origin().host(), 1, Integer::sum);
            }
        });
        String host = hostOf(hosts, bundle.name());
        List<FleetIncident> incidents = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (IncidentBuilder.Built built : result.built()) {
            Incident i = built.incident();
            Incident filled = i.host() != null ? i : withHost(i, host);
            Long time = null;
            String source = null;
            if (!i.evidence().isEmpty()) {
                Origin origin = built.first();
                Long fileTime = fileTimes.get(origin.file());
                time = WallTime.parse(origin.wall(), fileTime);
                source = time != null ? "log" : null;
                if (time == null && fileTime != null && fileTime > 0) {
                    time = fileTime;
                    source = "collected";
                }
            }
            int occurrence = seen.merge(i.id(), 1, Integer::sum);
            incidents.add(new FleetIncident(filled, bundle.name(), time, source, machine.model(), machine.bios(), occurrence));
        }
        return new Outcome(bundle, Status.INDEXED, key, host, timeline.inputs().size(), incidents, problems);
    }

    /** The host the logs name most often ({@code counts}: events per host name), else the bundle's name. */
    private static String hostOf(Map<String, Integer> counts, String fallback) {
        return counts.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(fallback);
    }

    private static Incident withHost(Incident i, String host) {
        return i.withHost(host);
    }

    /**
     * The start of a bundle's content key: the rules that read it and its name. The name keeps two
     * hosts with the same bytes (two copies of one capture, two empty directories) from being one
     * bundle; the same host in another dump still has the same key, so overlapping dumps are read once.
     */
    private static MessageDigest keyDigest(HostBundle bundle, Context context) {
        MessageDigest digest = sha256();
        digest.update(context.rulesDigest().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(bundle.path().getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return digest;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Discards bytes (hashing reads through it). */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** Counts raw (as stored) bytes for progress. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer onRead;

        Counting(InputStream in, LongConsumer onRead) {
            super(in);
            this.onRead = onRead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                onRead.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                onRead.accept(n);
            }
            return n;
        }
    }

    /** Keeps the timeline from closing a stream it shares with the next input. */
    private static final class Shield extends FilterInputStream {
        Shield(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
