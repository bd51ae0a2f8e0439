package io.mailroom.smtp;

/**
 * What every session of one listener shares.
 *
 * @param hostname       the name the server greets with
 * @param defaultAccount account for SMTP user names that are not 12 digits
 * @param region         region of submitted mail; SES SMTP credentials are per region too
 * @param tlsAvailable   whether STARTTLS is offered
 */
record SmtpEnvironment(SmtpBackend backend, SmtpCredentials credentials, String hostname, String defaultAccount,
                       String region, int maxMessageBytes, int maxRecipients, boolean tlsAvailable) {
}
