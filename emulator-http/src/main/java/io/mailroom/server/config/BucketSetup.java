package io.mailroom.server.config;

import java.util.List;

/**
 * An S3 bucket of the account, in the account's region, with its event notifications.
 *
 * @param notificationsAt where {@code notifications} is written, or null when the file leaves the bucket's
 *                        configuration as it is (a declared but empty {@code notifications} clears it)
 */
public record BucketSetup(Position at, Located<String> name, Position notificationsAt,
                          List<BucketNotificationSetup> notifications) {
}
