package io.mailroom.smtp;

import io.mailroom.ses.SesModule;
import io.mailroom.ses.inbound.InboundResult;
import java.util.List;
import java.util.function.Supplier;

/** The real backend: SES's SMTP doors on {@link SesModule}. */
public final class SesSmtpBackend implements SmtpBackend {
    private final Supplier<SesModule> ses;

    public SesSmtpBackend(Supplier<SesModule> ses) {
        this.ses = ses;
    }

    @Override
    public boolean acceptsInbound(String recipient) {
        return ses.get().acceptsInbound(recipient);
    }

    @Override
    public Delivery receiveInbound(String mailFrom, List<String> recipients, byte[] raw, String remoteIp,
                                   boolean tls) {
        InboundResult result = ses.get().receiveInbound(mailFrom, recipients, raw, remoteIp, tls);
        return new Delivery(result.messageId(), result.accepted(), result.rejected());
    }

    @Override
    public String submitRaw(String accountId, String region, String mailFrom, List<String> recipients, byte[] raw) {
        return ses.get().submitRaw(accountId, region, mailFrom, recipients, raw);
    }
}
