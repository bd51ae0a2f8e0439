package io.mailroom.server.config;

import java.util.List;

/**
 * One queue or topic configuration of a bucket's notifications.
 *
 * @param topic       whether the destination is an SNS topic (else an SQS queue)
 * @param destination a queue or topic name of the same account and region, or any ARN
 * @param id          the configuration's Id, or null to let S3 name it
 * @param prefix      the key prefix filter, or null for none
 * @param suffix      the key suffix filter, or null for none
 */
public record BucketNotificationSetup(Position at, boolean topic, Located<String> destination, String id,
                                      List<Located<String>> events, String prefix, String suffix) {
}
