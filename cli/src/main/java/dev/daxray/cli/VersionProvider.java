package dev.daxray.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = DaxrayCommand.class.getPackage().getImplementationVersion();
        return new String[] {"daxray " + (version == null ? "dev" : version)};
    }
}
