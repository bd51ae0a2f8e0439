package io.mailroom.server;

import io.mailroom.smtp.SmtpSettings;
import io.mailroom.ses.SesConfig;
import java.nio.file.Path;

/**
 * Everything the server can be told at start. {@link #defaults()} binds 127.0.0.1:4566, as the
 * endpoint LocalStack users already have in their configuration.
 *
 * @param host          address to bind
 * @param port          port to bind; 0 picks a free one
 * @param region        region for requests that carry no credential scope
 * @param accountId     account for access keys that are not 12 digits
 * @param dataDir       where state is kept on disk; null keeps everything in memory
 * @param logLevel      root log level of the runnable server
 * @param publicBaseUrl base of URLs handed back (queue URLs); null uses each request's Host header
 * @param maxBodyBytes  largest request body accepted
 * @param configFile    setup file applied at start and after every reset (YAML, or JSON for {@code .json}); null for none
 * @param ses           SES behaviour (auto-verified senders, a bucket keeping a copy of sent mail)
 * @param smtp          the SMTP listener (SES's SMTP interface) on the same host; with the API on port 0, a default
 *                      SMTP port becomes 0 too, so that servers started for tests do not contend for it
 */
public record ServerConfig(String host, int port, String region, String accountId, Path dataDir, String logLevel,
                           String publicBaseUrl, int maxBodyBytes, Path configFile, SmtpSettings smtp, SesConfig ses) {

    public static final int DEFAULT_PORT = 4566;

    /**
     * 64 MiB: SES v2 accepts raw messages of up to 40 MB, which its JSON carries base64-encoded (~54 MB);
     * S3 takes single uploads of up to 5 GiB, which Mailroom leaves to multipart uploads.
     */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

    public ServerConfig {
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("account id must be 12 digits: " + accountId);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("largest request body must be at least 1 byte: " + maxBodyBytes);
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", DEFAULT_PORT, "us-east-1", "000000000000", null, "INFO", null,
                DEFAULT_MAX_BODY_BYTES, null, SmtpSettings.defaults(), SesConfig.defaults());
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, region, accountId, dataDir,
                logLevel, publicBaseUrl, maxBodyBytes, configFile, smtp, ses);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, region, accountId, dataDir,
                logLevel, publicBaseUrl, maxBodyBytes, configFile, smtp, ses);
    }

    public ServerConfig withRegion(String value) {
        return new ServerConfig(host, port, value, accountId, dataDir,
                logLevel, publicBaseUrl, maxBodyBytes, configFile, smtp, ses);
    }

    public ServerConfig withAccountId(String value) {
        return new ServerConfig(host, port, region, value, dataDir,
                logLevel, publicBaseUrl, maxBodyBytes, configFile, smtp, ses);
    }

    public ServerConfig withDataDir(Path value) {
        return new ServerConfig(host, port, region, accountId, value,
                logLevel, publicBaseUrl, maxBodyBytes, configFile, smtp, ses);
    }

    public ServerConfig withLogLevel(String value) {
        return new ServerConfig(host, port, region, accountId, dataDir,
                value, publicBaseUrl, maxBodyBytes, configFile, smtp, ses);
    }

    public ServerConfig withPublicBaseUrl(String value) {
        return new ServerConfig(host, port, region, accountId, dataDir, logLevel, value, maxBodyBytes, configFile, smtp, ses);
    }

    public ServerConfig withMaxBodyBytes(int value) {
        return new ServerConfig(host, port, region, accountId, dataDir, logLevel, publicBaseUrl, value, configFile, smtp, ses);
    }

    public ServerConfig withConfigFile(Path value) {
        return new ServerConfig(host, port, region, accountId, dataDir, logLevel, publicBaseUrl, maxBodyBytes, value, smtp, ses);
    }

    public ServerConfig withSmtp(SmtpSettings value) {
        return new ServerConfig(host, port, region, accountId, dataDir, logLevel, publicBaseUrl, maxBodyBytes, configFile,
                value, ses);
    }

    public ServerConfig withSmtpPort(int value) {
        return withSmtp(smtp.withPort(value));
    }

    public ServerConfig withSes(SesConfig value) {
        return new ServerConfig(host, port, region, accountId, dataDir, logLevel, publicBaseUrl, maxBodyBytes, configFile,
                smtp, value);
    }
}
