package io.mailroom.smtp;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what reaches SES; inbound takes recipients at {@code @inbound.test}, submission fails on demand. */
final class FakeBackend implements SmtpBackend {
    record Submission(String accountId, String region, String mailFrom, List<String> recipients, byte[] raw) {}

    record Inbound(String mailFrom, List<String> recipients, byte[] raw, String remoteIp, boolean tls) {}

    final List<Submission> submissions = new CopyOnWriteArrayList<>();
    final List<Inbound> inbound = new CopyOnWriteArrayList<>();
    volatile AwsException failure;
    volatile boolean inboundRejectsAll;
    volatile CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);

    static AwsException rejected(String message) {
        return ErrorCode.sender("MessageRejected", 400).exception(message);
    }

    @Override
    public CompletableFuture<Void> ready() {
        return ready;
    }

    @Override
    public boolean acceptsInbound(String recipient) {
        return recipient.endsWith("@inbound.test");
    }

    @Override
    public Delivery receiveInbound(String mailFrom, List<String> recipients, byte[] raw, String remoteIp,
                                   boolean tls) {
        inbound.add(new Inbound(mailFrom, recipients, raw, remoteIp, tls));
        return inboundRejectsAll ? new Delivery("in-1", List.of(), recipients) : new Delivery("in-1", recipients, List.of());
    }

    @Override
    public String submitRaw(String accountId, String region, String mailFrom, List<String> recipients, byte[] raw) {
        if (failure != null) {
            throw failure;
        }
        submissions.add(new Submission(accountId, region, mailFrom, recipients, raw));
        return "0100-fake-" + submissions.size();
    }
}
