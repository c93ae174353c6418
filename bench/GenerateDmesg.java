import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic dmesg capture of a given size for the benchmark: ordinary kernel chatter with
 * about one relevant line in a thousand (machine checks, memory failures, SIGBUS, XFS, GHES, an
 * oops), timestamps increasing, deterministic for a seed.
 *
 * With FORMAT {@code trace} it writes a tracefs {@code trace} file instead: scheduler and irq
 * events as noise, {@code memory_failure_event} / {@code mce_record} lines as the relevant ones.
 *
 * With FORMAT {@code journal} it writes {@code journalctl -o json}: one object per line with the fields
 * journald stores (in a different order each entry, as its hash map gives them), four in five entries
 * from services (sshd, cron, systemd, a database) and the rest the kernel's, the same dmesg chatter and
 * incidents as the kernel's MESSAGEs.
 *
 * <p>The storm formats write a dense capture, the opposite of the sparse one: the same chatter with
 * RELEVANT_PER_MILLE of the lines (50 = 5 %, a realistic storm density) from one failing part:
 * <ul>
 *   <li>{@code edac}: an EDAC corrected-error storm from one DIMM (a few rows, now and then a count above 1);</li>
 *   <li>{@code ghes}: firmware-first corrected memory records (ten lines each, then the ghes_edac line);</li>
 *   <li>{@code sigbus}: one poisoned 2 MiB page of a dax mapping: each of its pages' verdict when first
 *       touched, then "Sending SIGBUS" for its pages over and over (a process that keeps touching them);</li>
 *   <li>{@code mixed}: the three storms in turn, with the sparse benchmark's incidents among them.</li>
 * </ul>
 *
 * Usage: java bench/GenerateDmesg.java OUT SIZE_MIB [RELEVANT_PER_MILLE] [SEED] [dmesg|trace|journal|edac|ghes|sigbus|mixed]
 */
public final class GenerateDmesg {

    private static final String[] NOISE = {
        "e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
        "ACPI: \\_SB_.PCI0.LPCB.EC0_: Interrupt %d handler installed",
        "audit: type=1400 audit(1795255200.%03d:%d): apparmor=\"STATUS\" operation=\"profile_load\" profile=\"unconfined\" name=\"/usr/bin/man\" pid=%d comm=\"apparmor_parser\"",
        "usb 1-%d: new high-speed USB device number %d using xhci_hcd",
        "systemd[1]: Started session-%d.scope - Session %d of User root.",
        "sd %d:0:0:0: [sdb] Attached SCSI removable disk",
        "IPv6: ADDRCONF(NETDEV_CHANGE): eno1: link becomes ready",
        "pci 0000:%02x:00.0: [8086:%04x] type 00 class 0x010802",
        "perf: interrupt took too long (%d > %d), lowering kernel.perf_event_max_sample_rate to %d",
        "TCP: request_sock_TCP: Possible SYN flooding on port %d. Sending cookies.",
        "device veth%07x entered promiscuous mode",
        "docker0: port %d(veth%07x) entered forwarding state",
        "nf_conntrack: nf_conntrack: table full, dropping packet",
        "kauditd_printk_skb: %d callbacks suppressed",
        "input: Power Button as /devices/LNXSYSTM:00/LNXPWRBN:00/input/input%d",
        "sd %d:0:0:0: [sda] Write cache: enabled, read cache: enabled, doesn't support DPO or FUA",
        "random: crng init done",
        "NET: Registered PF_VSOCK protocol family",
        "bpfilter: Loaded bpfilter_umh pid %d",
        "intel_rapl_common: Found RAPL domain package",
        "x86/cpu: SGX disabled by BIOS.",
        "clocksource: tsc: mask: 0xffffffffffffffff max_cycles: 0x%x, max_idle_ns: %d ns",
        "ata%d: SATA link up 6.0 Gbps (SStatus 133 SControl 300)",
        "Bluetooth: hci0: Firmware revision 0.%d build %d week %d 2021",
        "cgroup: cgroup: fork rejected by pids controller in /system.slice/cron.service",
        "r8169 0000:%02x:00.0 enp3s0: Link is Down",
        "igb 0000:%02x:00.1: Intel(R) Gigabit Ethernet Network Connection",
        "hrtimer: interrupt took %d ns",
        "ip_tables: (C) 2000-2006 Netfilter Core Team",
        "zram0: detected capacity change from 0 to %d",
    };

    private static final String[][] INCIDENTS = {
        {"mce: [Hardware Error]: CPU %d: Machine Check Exception: 5 Bank 1: bd80000000100134",
         "mce: [Hardware Error]: RIP !INEXACT! 10:<ffffffff8152c5e8> {copy_mc_fragile+0x48/0x70}",
         "mce: [Hardware Error]: TSC 0 ADDR 3c1b0a400 MISC 86 ",
         "mce: [Hardware Error]: PROCESSOR 0:50657 TIME 1795255200 SOCKET 0 APIC 18 microcode 5003604",
         "mce: [Hardware Error]: Run the above through 'mcelog --ascii'",
         "mce: Uncorrected hardware memory error in user-access at 3c1b0a400",
         "Memory failure: 0x3c1b0a: Sending SIGBUS to fsx:%d due to hardware memory corruption",
         "Memory failure: 0x3c1b0a: recovery action for dax page: Recovered",
         "mce: [Hardware Error]: Machine check events logged"},
        {"{%d}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1",
         "{%d}[Hardware Error]: event severity: recoverable",
         "{%d}[Hardware Error]:  Error 0, type: recoverable",
         "{%d}[Hardware Error]:   section_type: memory error",
         "{%d}[Hardware Error]:    error_status: Storage error in DRAM memory (0x0000000000000400)",
         "{%d}[Hardware Error]:   physical_address: 0x00000040a0602400",
         "{%d}[Hardware Error]:   error_type: 14, scrub uncorrected error",
         "Memory failure: 0x40a0602: recovery action for dax page: Recovered"},
        {"XFS (pmem0): Device is about to be removed!",
         "Memory failure: 0x1880400: Sending SIGBUS to fio:%d due to hardware memory corruption",
         "XFS (pmem0): User initiated shutdown received.",
         "XFS (pmem0): Metadata I/O Error (0x4) detected at xfs_dax_notify_failure+0x2b1/0x4d0 [xfs] (fs/xfs/xfs_notify_failure.c:312).  Shutting down filesystem.",
         "XFS (pmem0): Please unmount the filesystem and rectify the problem(s)"},
        {"BUG: unable to handle page fault for address: ffffc90040000000",
         "#PF: supervisor read access in kernel mode",
         "#PF: error_code(0x0000) - not-present page",
         "PGD 100000067 P4D 100000067 PUD 0",
         "Oops: 0000 [#1] PREEMPT SMP NOPTI",
         "CPU: 7 PID: %d Comm: fio Tainted: G   M               6.6.0 #1",
         "RIP: 0010:memcpy_orig+0x31/0x140",
         "Call Trace:",
         " <TASK>",
         " dax_iomap_rw+0x1f2/0x3c0",
         " xfs_file_read_iter+0x9b/0x120 [xfs]",
         " vfs_read+0x1d3/0x2f0",
         " </TASK>",
         "CR2: ffffc90040000000",
         "---[ end trace 0000000000000000 ]---"},
        {"EDAC MC0: 1 CE memory read error on CPU_SrcID#0_MC#0_Chan#1_DIMM#0 (channel:1 slot:0 page:0x207b9e1 offset:0x40 grain:32 syndrome:0x0 -  err_code:0x0000:0x0090)"},
    };

    private static final double AVERAGE_INCIDENT_LINES =
            java.util.Arrays.stream(INCIDENTS).mapToInt(block -> block.length).average().orElse(1);

    private static final String[] TRACE_NOISE = {
        "sched_switch: prev_comm=kworker/u8:%d prev_pid=%d prev_prio=120 prev_state=I ==> next_comm=swapper/1 next_pid=0 next_prio=120",
        "sched_wakeup: comm=ksoftirqd/%d pid=%d prio=120 target_cpu=001",
        "irq_handler_entry: irq=%d name=nvme0q3",
        "irq_handler_exit: irq=%d ret=handled",
        "softirq_entry: vec=%d [action=NET_RX]",
        "sched_stat_runtime: comm=fio pid=%d runtime=%d [ns] vruntime=%d [ns]",
        "writeback_dirty_inode: bdi 259:0: ino=%d state=I_DIRTY_SYNC flags=I_DIRTY_SYNC",
    };

    private static final String[][] TRACE_INCIDENTS = {
        {"mce_record: CPU: 3, MCGc/s: 1000c14/7, MC1: bd80000000100134, IPID: 0000000000000000, ADDR/MISC/SYND: 00000003c1b0a400/0000000000000086/0000000000000000, RIP: 10:<ffffffff8152c5e8>, TSC: 1f5fbe4a2d, PROCESSOR: 0:50657, TIME: 1795255200, SOCKET: 0, APIC: 6",
         "memory_failure_event: pfn 0x3c1b0a: recovery action for dax page: Recovered"},
        {"memory_failure_event: pfn 0x207b9e1: recovery action for dirty LRU page: Recovered"},
    };

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long size = Long.parseLong(args[1]) << 20;
        int perMille = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 42);
        String format = args.length > 4 ? args[4] : "dmesg";
        if (format.equals("trace")) {
            trace(out, size, perMille, random);
            return;
        }
        if (format.equals("journal")) {
            journal(out, size, perMille, random);
            return;
        }
        Storm storm = switch (format) {
            case "dmesg" -> null;
            case "edac", "ghes", "sigbus", "mixed" -> new Storm(format, random);
            default -> throw new IllegalArgumentException("unknown format [" + format
                    + "]; expected dmesg, trace, journal, edac, ghes, sigbus or mixed");
        };
        long micros = 0;
        long written = 0;
        long lines = 0;
        long relevant = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            while (written < size) {
                String[] block;
                if (storm != null) {
                    block = random.nextDouble() < perMille / 1000.0 / storm.averageLines() ? storm.next()
                            : new String[] {NOISE[random.nextInt(NOISE.length)]};
                } else if (random.nextDouble() < perMille / 1000.0 / AVERAGE_INCIDENT_LINES) {
                    block = INCIDENTS[random.nextInt(INCIDENTS.length)];
                } else {
                    block = new String[] {NOISE[random.nextInt(NOISE.length)]};
                }
                micros += 1 + random.nextInt(2000);
                for (String template : block) {
                    String message = fill(template, random);
                    String line = String.format("[%5d.%06d] %s%n", micros / 1_000_000, micros % 1_000_000, message);
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    os.write(bytes);
                    written += bytes.length;
                    lines++;
                    if (block.length > 1 || block[0].startsWith("EDAC") || storm != null && storm.owns(block)) {
                        relevant++;
                    }
                }
            }
        }
        System.err.printf("wrote %s: %d MiB, %d lines, %d incident lines (%.3f%%)%n", out, written >> 20, lines,
                relevant, 100.0 * relevant / lines);
    }

    /** The relevant lines of a storm capture, block by block; the mixed storm takes the others in turn. */
    private static final class Storm {
        private static final long HUGE_PAGE = 0x3c1b000L;     // first pfn of the poisoned 2 MiB page
        private final String format;
        private final Random random;
        private final boolean[] touched = new boolean[512];
        private long records;
        private long blocks;
        private String[] last;

        Storm(String format, Random random) {
            this.format = format;
            this.random = random;
        }

        /** Lines per block on average, so that the density is per line whatever the block. */
        double averageLines() {
            return switch (format) {
                case "ghes" -> 11;
                case "mixed" -> (1 + 11 + 1.1 + AVERAGE_INCIDENT_LINES) / 4;
                default -> 1.01;
            };
        }

        boolean owns(String[] block) {
            return block == last;
        }

        String[] next() {
            String kind = format;
            if (kind.equals("mixed")) {
                kind = switch ((int) (blocks++ % 4)) {
                    case 0 -> "edac";
                    case 1 -> "ghes";
                    case 2 -> "sigbus";
                    default -> "incident";
                };
            }
            last = switch (kind) {
                case "edac" -> new String[] {edac()};
                case "ghes" -> ghes();
                case "sigbus" -> sigbus();
                default -> INCIDENTS[random.nextInt(INCIDENTS.length)];
            };
            return last;
        }

        private String edac() {
            int count = random.nextInt(50) == 0 ? 2 + random.nextInt(8) : 1;
            return String.format("EDAC MC0: %d CE memory read error on CPU_SrcID#0_MC#0_Chan#1_DIMM#0 (channel:1 slot:0"
                    + " page:0x%x offset:0x%x grain:32 syndrome:0x0 -  err_code:0x0000:0x009f)", count,
                    0x207b9e1 + random.nextInt(4) * 0x40, random.nextInt(64) * 0x40);
        }

        private String[] ghes() {
            long record = ++records;
            long address = 0x1b3e7122c0L + random.nextInt(512) * 0x40L;
            int column = 856 + random.nextInt(64);
            String[] lines = {
                "Hardware error from APEI Generic Hardware Error Source: 2",
                "It has been corrected by h/w and requires no further action",
                "event severity: corrected",
                " Error 0, type: corrected",
                "  section_type: memory error",
                "   error_status: Storage error in DRAM memory (0x0000000000000400)",
                String.format("  physical_address: 0x%016x", address),
                String.format("  node:1 card:0 module:3 rank:1 bank:9 device:5 row:11983 column:%d ", column),
                "  error_type: 2, single-bit ECC",
                "  DIMM location: Not Specified PROC 2 DIMM 4 ",
            };
            String[] block = new String[lines.length + 1];
            for (int i = 0; i < lines.length; i++) {
                block[i] = "{" + record + "}[Hardware Error]: " + lines[i];
            }
            block[lines.length] = String.format("EDAC MC0: 1 CE single-bit ECC on Not Specified PROC 2 DIMM 4"
                    + " (node:1 card:0 module:3 rank:1 bank:9 device:5 row:11983 column:%d DIMM location: Not Specified"
                    + " PROC 2 DIMM 4 page:0x%x offset:0x%x grain:1 syndrome:0x0 - APEI location: node:1 card:0 module:3"
                    + " rank:1 bank:9 device:5 row:11983 column:%d DIMM location: Not Specified PROC 2 DIMM 4"
                    + " status(0x0000000000000400): Storage error in DRAM memory)", column, address >> 12,
                    address & 0xfff, column);
            return block;
        }

        private String[] sigbus() {
            int page = random.nextInt(touched.length);
            String kill = String.format("Memory failure: 0x%x: Sending SIGBUS to fsx:4242 due to hardware memory"
                    + " corruption", HUGE_PAGE + page);
            if (touched[page]) {
                return new String[] {kill};
            }
            touched[page] = true;
            return new String[] {String.format("Memory failure: 0x%x: recovery action for dax page: Recovered",
                    HUGE_PAGE + page), kill};
        }
    }

    private static void trace(Path out, long size, int perMille, Random random) throws IOException {
        double average = java.util.Arrays.stream(TRACE_INCIDENTS).mapToInt(b -> b.length).average().orElse(1);
        long micros = 0;
        long written = 0;
        long lines = 0;
        long relevant = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            String header = "# tracer: nop\n#\n# entries-in-buffer/entries-written: 0/0   #P:8\n#\n"
                    + "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
                    + "#              | |         |   |||||     |         |\n";
            os.write(header.getBytes(StandardCharsets.UTF_8));
            while (written < size) {
                boolean incident = random.nextDouble() < perMille / 1000.0 / average;
                String[] block = incident ? TRACE_INCIDENTS[random.nextInt(TRACE_INCIDENTS.length)]
                        : new String[] {TRACE_NOISE[random.nextInt(TRACE_NOISE.length)]};
                micros += 1 + random.nextInt(50);
                for (String template : block) {
                    String line = String.format("%16s-%-7d [%03d] d..%d. %6d.%06d: %s%n",
                            incident ? "fsx" : "kworker/" + random.nextInt(8), 1 + random.nextInt(60000),
                            random.nextInt(8), random.nextInt(3), micros / 1_000_000, micros % 1_000_000,
                            fill(template, random));
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    os.write(bytes);
                    written += bytes.length;
                    lines++;
                    if (incident) {
                        relevant++;
                    }
                }
            }
        }
        System.err.printf("wrote %s: %d MiB, %d trace lines, %d incident lines (%.3f%%)%n", out, written >> 20, lines,
                relevant, 100.0 * relevant / lines);
    }

    private static final String[][] SERVICES = {
        {"sshd", "/usr/sbin/sshd", "sshd: ops [priv]", "ssh.service", "Accepted publickey for ops from 10.20.%d.%d port %d ssh2: ED25519 SHA256:q1Wm0hV3c5Q"},
        {"CRON", "/usr/sbin/cron", "/usr/sbin/CRON -f -P", "cron.service", "(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)"},
        {"systemd", "/usr/lib/systemd/systemd", "/sbin/init splash", "init.scope", "Started session-%d.scope - Session %d of User ops."},
        {"postgres", "/usr/lib/postgresql/16/bin/postgres", "postgres: 16/main: checkpointer", "postgresql@16-main.service", "checkpoint complete: wrote %d buffers (0.%d%%); 0 WAL file(s) added, 0 removed, %d recycled"},
        {"systemd-logind", "/usr/lib/systemd/systemd-logind", "/lib/systemd/systemd-logind", "systemd-logind.service", "New session %d of user ops."},
        {"dockerd", "/usr/bin/dockerd", "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock", "docker.service", "time=\\\"2026-11-21T10:%02d:%02d.%d+00:00\\\" level=info msg=\\\"ignoring event\\\" container=%x module=libcontainerd"},
    };

    /** journalctl -o json: one entry a line, fields in a shuffled order, 4 in 5 from services. */
    private static void journal(Path out, long size, int perMille, Random random) throws IOException {
        String boot = "6c7c6013a26343b29e964691ff25d04c";
        String machine = "4b2f1c9d8e7a6b5c4d3e2f1a0b9c8d7e";
        String seqnumId = "d50b4154f4724658bd9e760a45a4c7f2";
        long micros = 0;
        long realtime = 1795255200000000L;
        long written = 0;
        long lines = 0;
        long relevant = 0;
        long seqnum = 0;
        java.util.List<String> fields = new java.util.ArrayList<>();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            while (written < size) {
                boolean kernel = random.nextInt(5) == 0;
                String[] block;
                boolean incident = kernel && random.nextDouble() < 5 * perMille / 1000.0 / AVERAGE_INCIDENT_LINES;
                if (incident) {
                    block = INCIDENTS[random.nextInt(INCIDENTS.length)];
                } else {
                    block = new String[] {kernel ? NOISE[random.nextInt(NOISE.length)] : null};
                }
                micros += 1 + random.nextInt(2000);
                String[] service = SERVICES[random.nextInt(SERVICES.length)];
                for (String template : block) {
                    seqnum++;
                    long received = micros + (kernel ? 300 : 0);
                    fields.clear();
                    fields.add("\"__CURSOR\":\"s=" + seqnumId + ";i=" + Long.toHexString(seqnum) + ";b=" + boot + ";m="
                            + Long.toHexString(received) + ";t=" + Long.toHexString(realtime + received) + ";x="
                            + Long.toHexString(random.nextLong()) + "\"");
                    fields.add("\"__REALTIME_TIMESTAMP\":\"" + (realtime + received) + "\"");
                    fields.add("\"__MONOTONIC_TIMESTAMP\":\"" + received + "\"");
                    fields.add("\"__SEQNUM\":\"" + seqnum + "\"");
                    fields.add("\"__SEQNUM_ID\":\"" + seqnumId + "\"");
                    fields.add("\"_BOOT_ID\":\"" + boot + "\"");
                    fields.add("\"_MACHINE_ID\":\"" + machine + "\"");
                    fields.add("\"_HOSTNAME\":\"node7\"");
                    String message;
                    if (kernel) {
                        message = fill(template, random);
                        fields.add("\"_TRANSPORT\":\"kernel\"");
                        fields.add("\"SYSLOG_FACILITY\":\"0\"");
                        fields.add("\"SYSLOG_IDENTIFIER\":\"kernel\"");
                        fields.add("\"PRIORITY\":\"" + (incident ? 3 : 6) + "\"");
                        fields.add("\"_SOURCE_MONOTONIC_TIMESTAMP\":\"" + micros + "\"");
                    } else {
                        message = fill(service[4], random);
                        int pid = 1 + random.nextInt(60000);
                        fields.add("\"_TRANSPORT\":\"" + (random.nextBoolean() ? "syslog" : "stdout") + "\"");
                        fields.add("\"SYSLOG_FACILITY\":\"" + (random.nextBoolean() ? 3 : 10) + "\"");
                        fields.add("\"SYSLOG_IDENTIFIER\":\"" + service[0] + "\"");
                        fields.add("\"PRIORITY\":\"6\"");
                        fields.add("\"_PID\":\"" + pid + "\"");
                        fields.add("\"_UID\":\"0\"");
                        fields.add("\"_GID\":\"0\"");
                        fields.add("\"_COMM\":\"" + service[0] + "\"");
                        fields.add("\"_EXE\":\"" + service[1] + "\"");
                        fields.add("\"_CMDLINE\":\"" + service[2] + "\"");
                        fields.add("\"_CAP_EFFECTIVE\":\"1ffffffffff\"");
                        fields.add("\"_SELINUX_CONTEXT\":\"unconfined\\n\"");
                        fields.add("\"_SYSTEMD_CGROUP\":\"/system.slice/" + service[3] + "\"");
                        fields.add("\"_SYSTEMD_UNIT\":\"" + service[3] + "\"");
                        fields.add("\"_SYSTEMD_SLICE\":\"system.slice\"");
                        fields.add("\"_SYSTEMD_INVOCATION_ID\":\"" + Long.toHexString(random.nextLong())
                                + Long.toHexString(random.nextLong()) + "\"");
                        fields.add("\"_SOURCE_REALTIME_TIMESTAMP\":\"" + (realtime + micros - 20) + "\"");
                        fields.add("\"SYSLOG_PID\":\"" + pid + "\"");
                        fields.add("\"SYSLOG_TIMESTAMP\":\"Nov 21 10:00:00 \"");
                    }
                    fields.add("\"MESSAGE\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
                    java.util.Collections.shuffle(fields, random);
                    String line = "{" + String.join(",", fields) + "}\n";
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    os.write(bytes);
                    written += bytes.length;
                    lines++;
                    if (incident) {
                        relevant++;
                    }
                }
            }
        }
        System.err.printf("wrote %s: %d MiB, %d journal entries, %d incident entries (%.3f%%)%n", out, written >> 20,
                lines, relevant, 100.0 * relevant / lines);
    }

    private static String fill(String template, Random random) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length()) {
                int j = i + 1;
                while (j < template.length() && "0123456789".indexOf(template.charAt(j)) >= 0) {
                    j++;
                }
                char conv = template.charAt(j);
                int value = 1 + random.nextInt(60000);
                sb.append(conv == 'x' ? Integer.toHexString(value) : Integer.toString(value));
                i = j + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
