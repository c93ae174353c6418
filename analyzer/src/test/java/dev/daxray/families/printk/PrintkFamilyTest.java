package dev.daxray.families.printk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Boot;
import dev.daxray.events.Dropped;
import dev.daxray.families.FamilyTester;

class PrintkFamilyTest {

    @Test
    void readsTheReleaseFromTheBanner() {
        Boot boot = FamilyTester.one(Boot.class, new PrintkFamily(),
                "[    0.000000] Linux version 6.6.0-rc6+ (root@build) (gcc (GCC) 13.2.1 20230801, GNU ld (GNU Binutils) 2.41) #1 SMP PREEMPT_DYNAMIC");
        assertEquals("6.6.0-rc6+", boot.release());
        assertEquals(0L, boot.origin().micros());
    }

    @Test
    void readsDroppedMessages() {
        Dropped dropped = FamilyTester.one(Dropped.class, new PrintkFamily(), "** 5 printk messages dropped **");
        assertEquals(5, dropped.count());
    }

    @Test
    void ignoresOtherLines() {
        assertTrue(FamilyTester.read(new PrintkFamily(),
                "[    0.000000] Command line: root=/dev/pmem0",
                "[    0.000000] Linux agpgart interface v0.103").isEmpty());
    }
}
