package dev.daxray.devices;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.daxray.address.Iomem;
import dev.daxray.address.Sysfs;
import dev.daxray.fuzz.Limits;
import dev.daxray.fuzz.Lines;

/**
 * The device-state readers on any text: ndctl / daxctl JSON (documents, transcripts, cut-off output),
 * {@code /proc/iomem} listings and sysfs dumps. Nothing throws; problems point at lines of the text.
 */
class DeviceStateFuzzTest {

    @FuzzTest
    void ndctlJson(byte[] input) {
        Limits.within(() -> {
            String text = Lines.text(input);
            long lines = Lines.of(input).size();
            NdctlReader.Result result = NdctlReader.read("fuzz.json", text, 1);
            for (Problem problem : result.problems()) {
                assertTrue(problem.line() >= 1 && problem.line() <= Math.max(1, lines), problem::toString);
            }
            NdctlReader.events(result.state(), BadblockLocator.NONE);
        });
    }

    @FuzzTest
    void iomem(byte[] input) {
        Limits.within(() -> Iomem.parse("iomem", Lines.text(input), 1));
    }

    @FuzzTest
    void sysfs(byte[] input) {
        Limits.within(() -> Sysfs.parse("sysfs", Lines.text(input), 1));
    }
}
