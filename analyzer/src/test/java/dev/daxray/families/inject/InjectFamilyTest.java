package dev.daxray.families.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Injector;
import dev.daxray.families.FamilyTester;

/** Error injectors at work, in the kernel's words (einj.c, mce/inject.c) and on a transcript's prompt lines. */
class InjectFamilyTest {

    private final InjectFamily family = new InjectFamily();

    private Injector one(String line) {
        return FamilyTester.one(Injector.class, family, line);
    }

    private void assertInjector(Injector i, String tool, String action, String device, Hex pfn, Integer cpu, String command) {
        assertEquals(tool, i.tool(), "tool");
        assertEquals(action, i.action(), "action");
        assertEquals(device, i.device(), "device");
        assertEquals(pfn, i.pfn(), "pfn");
        assertEquals(cpu, i.cpu(), "cpu");
        assertEquals(command, i.command(), "command");
    }

    @Test
    void readsTheEinjModuleLoading() {
        // einj.c: pr_info("Error INJection is initialized.\n") with pr_fmt "EINJ: " (3.x: EINJ_PFX)
        assertInjector(one("[  140.833351] EINJ: Error INJection is initialized."), "einj", "loaded", null, null, null, null);
    }

    @Test
    void readsMceInjectMessages() {
        assertInjector(one("[ 1360.000001] Machine check injector initialized"), "mce-inject", "loaded", null, null, null, null);
        assertInjector(one("[ 1360.100000] Triggering MCE exception on CPU 0"), "mce-inject", "inject", null, null, 0, null);
        assertInjector(one("[ 1360.100100] MCE exception done on CPU 0"), "mce-inject", "done", null, null, 0, null);
        assertInjector(one("[ 1360.200000] Starting machine check poll CPU 3"), "mce-inject", "inject", null, null, 3, null);
        assertInjector(one("[ 1360.200100] Machine check poll done on CPU 3"), "mce-inject", "done", null, null, 3, null);
        assertInjector(one("[ 1362.200000] Timeout waiting for mce inject 2"), "mce-inject", "timeout", null, null, null, null);
    }

    @Test
    void readsInjectCommandsOnPromptLines() {
        // corpus 004's transcript line, verbatim
        assertInjector(one("# ndctl inject-error namespace0.0 -n 2 -B 8210"), "ndctl", "inject", "namespace0.0", null, null,
                "ndctl inject-error namespace0.0 -n 2 -B 8210");
        assertInjector(one("[root@pmem-host ~]# ndctl inject-error --block=1048576 --count=8 namespace1.0"), "ndctl", "inject",
                "namespace1.0", null, null, "ndctl inject-error --block=1048576 --count=8 namespace1.0");
        assertInjector(one("root@node3:~# sudo mce-inject /tmp/srar.mce"), "mce-inject", "inject", null, null, null,
                "sudo mce-inject /tmp/srar.mce");
        assertInjector(one("# echo 1 > /sys/kernel/debug/apei/einj/error_inject"), "einj", "inject", null, null, null,
                "echo 1 > /sys/kernel/debug/apei/einj/error_inject");
        assertInjector(one("$ echo 0x12345 | sudo tee /sys/kernel/debug/hwpoison/corrupt-pfn"), "hwpoison-inject", "inject",
                null, new Hex(0x12345), null, "echo 0x12345 | sudo tee /sys/kernel/debug/hwpoison/corrupt-pfn");
        assertInjector(one("(qemu) mce 0 9 0xbd000000000000c0 0 0x12345000 0x86"), "qemu", "inject", null, null, null,
                "mce 0 9 0xbd000000000000c0 0 0x12345000 0x86");
    }

    @Test
    void readsNoProseAndNoOtherMessage() {
        List<Event> none = FamilyTester.read(family,
                "then I ran ndctl inject-error namespace0.0 and the page was poisoned",
                "[    9.947676] EINJ: EINJ table not found.",
                "[ 1360.755028] Modules linked in: mce_inject einj",
                "[   12.000000] mce: [Hardware Error]: Machine check events logged",
                "# dmesg");
        assertTrue(none.isEmpty(), () -> "no injector events: " + none);
    }

    @Test
    void anOddCorruptPfnValueKeepsTheCommand() {
        Injector i = one("# echo nonsense > /sys/kernel/debug/hwpoison/corrupt-pfn");
        assertNull(i.pfn());
        assertEquals("hwpoison-inject", i.tool());
    }
}
