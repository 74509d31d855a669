package io.synapsebridge.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (unknown when run from classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = BridgeCommand.class.getPackage().getImplementationVersion();
        return new String[] {"synapse-kafka-bridge " + (v == null ? "(development build)" : v)};
    }
}
