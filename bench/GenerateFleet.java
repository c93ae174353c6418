import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic fleet dump for the batch benchmark: HOSTS host directories, each with a
 * gzip'd dmesg of about MIB_PER_HOST MiB of ordinary kernel chatter (boot banner with a DMI line,
 * NIC, audit, systemd, docker, conntrack, perf lines), and on INCIDENT_PERCENT % of hosts one of
 * the bundled samples' captures as a second gzip'd file. Deterministic for a seed.
 *
 * Usage: java bench/GenerateFleet.java OUT HOSTS MIB_PER_HOST [INCIDENT_PERCENT] [SEED]
 */
public final class GenerateFleet {

    private static final String[] NOISE = {
        "e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
        "audit: type=1400 audit(1795255200.%03d:%d): apparmor=\"STATUS\" operation=\"profile_load\" profile=\"unconfined\" name=\"/usr/bin/man\" pid=%d comm=\"apparmor_parser\"",
        "systemd[1]: Started session-%d.scope - Session %d of User root.",
        "IPv6: ADDRCONF(NETDEV_CHANGE): eno1: link becomes ready",
        "perf: interrupt took too long (%d > %d), lowering kernel.perf_event_max_sample_rate to %d",
        "device veth%07x entered promiscuous mode",
        "docker0: port %d(veth%07x) entered forwarding state",
        "kauditd_printk_skb: %d callbacks suppressed",
        "nf_conntrack: nf_conntrack: table full, dropping packet",
        "TCP: request_sock_TCP: Possible SYN flooding on port %d. Sending cookies.",
        "sd %d:0:0:0: [sda] Write cache: enabled, read cache: enabled, doesn't support DPO or FUA",
        "usb 1-%d: new high-speed USB device number %d using xhci_hcd",
        "hrtimer: interrupt took %d ns",
        "cgroup: fork rejected by pids controller in /system.slice/cron.service",
        "EXT4-fs (nvme0n1p2): re-mounted %08x-3b1d-4e57-9a0c-2d8e4f6b1a93. Quota mode: none.",
        "r8169 0000:%02x:00.0 enp3s0: Link is Down",
    };
    private static final String[] KERNELS = {"6.8.0-45-generic", "6.1.0-26-amd64", "5.15.0-119-generic", "6.6.63-1-lts"};
    private static final String[] DMI = {"Dell Inc. PowerEdge R750/0PJ80F, BIOS 1.13.2 12/12/2023",
        "Supermicro SYS-2029U-TR4/X11DPU, BIOS 3.8a 10/25/2023", "Lenovo ThinkSystem SR650 V2/7Z73CTO1WW, BIOS AFE124C 01/10/2024"};
    /** Captures without host names, so every host keeps its own incidents. */
    private static final List<String> CASES = List.of("dax-poison-consumed-6x/dmesg.log",
        "pmem-unbind-pre-remove-6.6/dmesg.txt", "two-boots-injection/dmesg.log", "umount-crash-after-unbind/dmesg-x.log",
        "arm64-ghes-firmware-first/console.log");

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int hosts = Integer.parseInt(args[1]);
        long perHost = (long) (Double.parseDouble(args[2]) * (1 << 20));
        double percent = args.length > 3 ? Double.parseDouble(args[3]) : 3;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        Path samples = Path.of(System.getProperty("samples", "samples"));
        AtomicLong raw = new AtomicLong();
        AtomicInteger withIncidents = new AtomicInteger();
        // Hosts are independent, each with its own seed: the same fleet whatever the number of threads.
        IntStream.range(0, hosts).parallel().forEach(h -> {
            try {
                Random random = new Random(seed * 1_000_003L + h);
                Path host = Files.createDirectories(out.resolve(String.format("host-%05d", h)));
                raw.addAndGet(noise(host.resolve("dmesg.log.gz"), perHost, random));
                if (random.nextDouble() * 100 < percent) {
                    byte[] capture = Files.readAllBytes(samples.resolve(CASES.get(random.nextInt(CASES.size()))));
                    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(host.resolve("incident.log.gz")))) {
                        os.write(capture);
                    }
                    raw.addAndGet(capture.length);
                    withIncidents.incrementAndGet();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.err.printf("wrote %s: %d hosts (%d with incidents), %d MiB uncompressed%n", out, hosts, withIncidents.get(),
                raw.get() >> 20);
    }

    private static long noise(Path file, long size, Random random) throws IOException {
        long written = 0;
        long micros = 0;
        try (OutputStream os = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16)) {
            String kernel = KERNELS[random.nextInt(KERNELS.length)];
            String[] boot = {"Linux version " + kernel + " (buildd@lcy02-amd64-115) (gcc 13.2.0) #45 SMP PREEMPT_DYNAMIC",
                "Command line: BOOT_IMAGE=/vmlinuz-" + kernel + " root=UUID=6f1c2a7e ro quiet",
                "DMI: " + DMI[random.nextInt(DMI.length)]};
            for (String line : boot) {
                written += write(os, String.format("[%5d.%06d] %s%n", 0, 0, line));
            }
            while (written < size) {
                micros += 1 + random.nextInt(2_000_000);
                String template = NOISE[random.nextInt(NOISE.length)];
                Object[] values = {random.nextInt(1000), random.nextInt(99999), random.nextInt(99999)};
                String message = String.format(template, values);
                written += write(os, String.format("[%5d.%06d] %s%n", micros / 1_000_000, micros % 1_000_000, message));
            }
        }
        return written;
    }

    private static int write(OutputStream os, String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        os.write(bytes);
        return bytes.length;
    }
}
