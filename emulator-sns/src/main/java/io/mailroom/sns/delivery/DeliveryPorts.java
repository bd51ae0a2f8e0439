package io.mailroom.sns.delivery;

import io.mailroom.core.delivery.HttpPoster;
import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sns.email.EmailSink;
import io.mailroom.sns.platform.PlatformRegistry;
import io.mailroom.sns.signing.MessageSigner;
import io.mailroom.sns.sms.SmsAccounts;

/**
 * Everything deliveries reach out to: time, queues, the web, the signer, and the logs that record
 * what Mailroom does not really send (SMS, push, Lambda, Firehose; email through its sink).
 */
public record DeliveryPorts(Clock clock, Scheduler scheduler, QueueSink queues, HttpPoster http,
                            MessageSigner signer, EmailSink email, TargetLog sms, TargetLog push,
                            TargetLog lambda, TargetLog firehose, PlatformRegistry platforms, SmsAccounts smsAccounts) {
}
