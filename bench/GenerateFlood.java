import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a dmesg capture that is one flood of one root cause, for the bounded-memory test and bench:
 * nearly every line is an event, and they all belong together.
 *
 * <ul>
 *   <li>{@code sigbus}: the verdict for one poisoned dax page, then "Sending SIGBUS" for that page to one
 *       process, over and over (a process that keeps touching it);</li>
 *   <li>{@code edac}: an EDAC corrected-error storm from one DIMM (pages and offsets varying);</li>
 *   <li>{@code ghes}: firmware-first corrected memory records (ten lines each) from one DIMM;</li>
 *   <li>{@code verdicts}: memory_failure() verdicts on consecutive pages, Recovered and now and then
 *       Failed (a failing region, page after page);</li>
 *   <li>{@code warnings}: one kernel WARNING from a dax fault path, a whole report each time (cut here,
 *       registers, call trace, end marker), hit by one task after another.</li>
 * </ul>
 * Timestamps rise by 50 µs a line, so the whole flood is a few minutes of one boot.
 *
 * Usage: java bench/GenerateFlood.java OUT SIZE_MIB sigbus|edac|ghes|verdicts|warnings
 */
public final class GenerateFlood {

    private GenerateFlood() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java bench/GenerateFlood.java OUT SIZE_MIB sigbus|edac|ghes|verdicts|warnings");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long bytes = (long) (Double.parseDouble(args[1]) * 1024 * 1024);
        String kind = args[2];
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            write(w, bytes, kind);
        }
    }

    static void write(Writer w, long bytes, String kind) throws IOException {
        long written = line(w, 0, "Linux version 6.8.0-45-generic (buildd@lcy02-amd64-075) (x86_64-linux-gnu-gcc-13"
                + " (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) #45-Ubuntu SMP PREEMPT_DYNAMIC");
        long micros = 5_000_000_000L;
        for (long n = 0; written < bytes; n++) {
            micros += 50;
            switch (kind) {
                case "sigbus" -> written += n == 0
                        ? line(w, micros, "Memory failure: 0x3c1b0a: recovery action for dax page: Recovered")
                        : line(w, micros, "Memory failure: 0x3c1b0a: Sending SIGBUS to fsx:4242 due to hardware memory corruption");
                case "edac" -> written += line(w, micros, String.format("EDAC MC0: 1 CE memory read error on"
                        + " CPU_SrcID#0_MC#0_Chan#1_DIMM#0 (channel:1 slot:0 page:0x%x offset:0x%x grain:32 syndrome:0x0"
                        + " -  err_code:0x0000:0x009f)", 0x207b9e1 + n % 4096, (n * 64) % 4096));
                case "ghes" -> {
                    long record = n + 1;
                    long address = 0x1b3e7122c0L + (n % 512) * 0x40;
                    String[] lines = {
                        "Hardware error from APEI Generic Hardware Error Source: 2",
                        "It has been corrected by h/w and requires no further action",
                        "event severity: corrected",
                        " Error 0, type: corrected",
                        "  section_type: memory error",
                        "   error_status: Storage error in DRAM memory (0x0000000000000400)",
                        String.format("  physical_address: 0x%016x", address),
                        String.format("  node:1 card:0 module:3 rank:1 bank:9 device:5 row:11983 column:%d ", 856 + n % 64),
                        "  error_type: 2, single-bit ECC",
                        "  DIMM location: Not Specified PROC 2 DIMM 4 ",
                    };
                    for (String l : lines) {
                        written += line(w, micros, "{" + record + "}[Hardware Error]: " + l);
                        micros += 1;
                    }
                }
                case "verdicts" -> written += line(w, micros, String.format(
                        "Memory failure: 0x%x: recovery action for dirty LRU page: %s", 0x1a2b000 + n,
                        n % 97 == 0 ? "Failed" : "Recovered"));
                case "warnings" -> {
                    for (String l : warning(n)) {
                        written += line(w, micros, l);
                        micros += 1;
                    }
                }
                default -> throw new IllegalArgumentException("unknown flood [" + kind + "]; expected sigbus, edac,"
                        + " ghes, verdicts or warnings");
            }
        }
    }

    /** The n-th WARNING report: the same site and stack, another task and CPU each time. */
    private static String[] warning(long n) {
        long pid = 1000 + n * 7919 % 60000;
        long cpu = n % 16;
        return new String[] {
            "------------[ cut here ]------------",
            String.format("WARNING: CPU: %d PID: %d at fs/dax.c:348 dax_insert_entry+0x342/0x390", cpu, pid),
            "Modules linked in: xfs nd_pmem dax_pmem nd_btt libnvdimm",
            String.format("CPU: %d PID: %d Comm: fsx Tainted: G        W          6.8.0-45-generic #45-Ubuntu", cpu, pid),
            "Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-1.fc38 04/01/2014",
            "RIP: 0010:dax_insert_entry+0x342/0x390",
            "Code: 48 8b 45 c8 48 89 c7 e8 ab cd ef ff 0f 0b e9 12 fe ff ff",
            "RSP: 0000:ffffc90001a3bb58 EFLAGS: 00010206",
            "RAX: 0000000000000000 RBX: ffff888100a3c000 RCX: 0000000000000002",
            "Call Trace:",
            " <TASK>",
            " ? __warn+0x81/0x130",
            " ? dax_insert_entry+0x342/0x390",
            " dax_fault_iter+0x2c5/0x6a0",
            " dax_iomap_pte_fault+0x1a9/0x3c0",
            " __xfs_filemap_fault+0x10e/0x2a0 [xfs]",
            " __do_fault+0x30/0x130",
            " handle_mm_fault+0x61e/0xcc0",
            " exc_page_fault+0x6b/0x150",
            " asm_exc_page_fault+0x26/0x30",
            " </TASK>",
            "---[ end trace 0000000000000000 ]---",
        };
    }

    private static long line(Writer w, long micros, String message) throws IOException {
        String line = String.format("[%5d.%06d] %s%n", micros / 1_000_000, micros % 1_000_000, message);
        w.write(line);
        return line.length();
    }
}
