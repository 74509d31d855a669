package io.synapsebridge.cli.config;

import java.nio.file.Path;

/**
 * TLS on the replication port: a PEM certificate chain and its PEM (PKCS#8) private key. Both or neither.
 */
public record TlsConfig(Path certFile, Path keyFile) {

    public TlsConfig {
        if ((certFile == null) != (keyFile == null)) {
            throw new ConfigException("replication.tls: set both cert_file and key_file, or neither");
        }
        Validate.readableFile("replication.tls.cert_file", certFile);
        Validate.readableFile("replication.tls.key_file", keyFile);
    }

    public static TlsConfig defaults() {
        return new TlsConfig(null, null);
    }

    public boolean enabled() {
        return certFile != null;
    }
}
