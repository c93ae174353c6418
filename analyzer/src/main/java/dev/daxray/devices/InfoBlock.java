package dev.daxray.devices;

import dev.daxray.events.Hex;

/**
 * An {@code ndctl read-infoblock -j} object: the pfn/dax info block, the only JSON that says where
 * the data area of an fsdax/devdax namespace begins.
 *
 * @param namespace the namespace it describes, when the object or the command before it names one
 */
public record InfoBlock(String file, long line, String namespace, String signature, String mode, Hex dataoff,
                        Hex startPad, Hex endTrunc, Long npfns, Long align, String uuid, String parentUuid) {
}
