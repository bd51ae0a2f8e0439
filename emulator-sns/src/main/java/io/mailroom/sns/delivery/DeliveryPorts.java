package io.mailroom.sns.delivery;

import io.mailroom.core.delivery.HttpPoster;
import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sns.email.EmailSink;
import io.mailroom.sns.platform.PlatformRegistry;
import io.mailroom.sns.signing.MessageSigner;
import io.mailroom.sns.sms.SmsAccounts;
import java.util.concurrent.Executor;

/**
 * Everything deliveries reach out to: time, queues, the web, the signer, and the logs that record
 * what Mailroom does not really send (SMS, push, Lambda, Firehose; email through its sink).
 * {@code signing} runs the deliveries that wait for an RSA signature (about a millisecond of CPU each),
 * away from the request threads and from the clock's timer thread.
 */
public record DeliveryPorts(Clock clock, Scheduler scheduler, Executor signing, QueueSink queues, HttpPoster http,
                            MessageSigner signer, EmailSink email, TargetLog sms, TargetLog push,
                            TargetLog lambda, TargetLog firehose, PlatformRegistry platforms, SmsAccounts smsAccounts) {
}
