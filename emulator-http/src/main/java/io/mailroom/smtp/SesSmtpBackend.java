package io.mailroom.smtp;

import io.mailroom.http.dispatch.MadeOnFirstUse;
import io.mailroom.ses.SesModule;
import io.mailroom.ses.inbound.InboundResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The real backend: SES's SMTP doors on {@link SesModule}. */
public final class SesSmtpBackend implements SmtpBackend {
    private final Supplier<SesModule> ses;
    private final MadeOnFirstUse sesMade;

    /** @param sesMade whether {@code ses} is made yet, and making it elsewhere */
    public SesSmtpBackend(Supplier<SesModule> ses, MadeOnFirstUse sesMade) {
        this.ses = ses;
        this.sesMade = sesMade;
    }

    @Override
    public CompletableFuture<Void> ready() {
        return sesMade.madeOffThisThread();
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
