package dev.daxray.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Generated fleets for the batch tests: host directories of noise, with the bundled samples'
 * incidents on some of them (captures that do not name their host, so each host keeps its own).
 */
final class TestFleet {

    static final String[] CASES = {"dax-poison-consumed-6x/dmesg.log", "pmem-unbind-pre-remove-6.6/dmesg.txt",
            "two-boots-injection/dmesg.log", "umount-crash-after-unbind/dmesg-x.log"};

    private TestFleet() {
    }

    static Path samples() {
        String root = System.getProperty("daxray.root");
        return (root != null && !root.isBlank() && !root.startsWith("${") ? Path.of(root) : Path.of("..")).resolve("samples");
    }

    /** {@code hosts} host directories; host i gets sample case i % 4 when i % 3 == 0, gzip'd when i is even. */
    static void generate(Path fleet, int hosts, int noiseLines) throws IOException {
        Files.createDirectories(fleet);
        for (int i = 0; i < hosts; i++) {
            Path host = Files.createDirectories(fleet.resolve(String.format("host-%03d", i)));
            Files.writeString(host.resolve("dmesg.log"), noise(i, noiseLines));
            if (i % 3 == 0) {
                byte[] capture = Files.readAllBytes(samples().resolve(CASES[i % 4]));
                if (i % 2 == 0) {
                    gzip(host.resolve("incident.log.gz"), capture);
                } else {
                    Files.write(host.resolve("incident.log"), capture);
                }
            }
        }
    }

    static String noise(int seed, int lines) {
        StringBuilder out = new StringBuilder();
        out.append("[    0.000000] Linux version 6.8.0-45-generic (buildd@lcy02) (gcc 13.2.0) #45-Ubuntu SMP\n");
        out.append("[    0.000000] DMI: Dell Inc. PowerEdge R750/0PJ80F, BIOS 1.13.").append(seed / 3 % 3).append(" 12/12/2023\n");
        for (int i = 0; i < lines; i++) {
            out.append(String.format("[%5d.%06d] e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex%n", 10 + i, seed));
            out.append(String.format("[%5d.%06d] audit: type=1400 audit(1795255200.%03d:%d): apparmor=\"STATUS\"%n", 10 + i, seed + 1, i % 1000, i));
        }
        return out.toString();
    }

    static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    /** A tar.gz with one entry per (name, content) pair. */
    static void tarGz(Path file, String... namesAndContents) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] bytes = namesAndContents[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(namesAndContents[i]);
                entry.setSize(bytes.length);
                entry.setModTime(1_700_000_000_000L);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
    }
}
