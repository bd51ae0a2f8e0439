package io.mailroom.ses.configset;

import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.api.Api;

/** Checks both APIs share for configuration sets and their event destinations. */
public final class ConfigurationSetRules {
    private ConfigurationSetRules() {
    }

    public static void checkName(Api api, String name) {
        if (name == null || !ConfigurationSets.NAME.matcher(name).matches()) {
            throw api.error("InvalidConfigurationSetException", "BadRequestException",
                    "Configuration set name <" + name + "> is invalid. Names can contain only ASCII letters,"
                            + " numbers, underscores and dashes and must be at most 64 characters long.");
        }
    }

    public static ConfigurationSet create(Api api, Account account, String name, long now) {
        checkName(api, name);
        if (account.configurationSets.find(name).isPresent()) {
            throw api.alreadyExists("ConfigurationSetAlreadyExistsException",
                    "Configuration set <" + name + "> already exists.");
        }
        if (account.configurationSets.isFull()) {
            throw api.limitExceeded("Maximum number of configuration sets reached.");
        }
        ConfigurationSet set = new ConfigurationSet(name, now);
        account.configurationSets.add(set);
        return set;
    }

    public static ConfigurationSet existing(Api api, Account account, String name) {
        return account.configurationSets.find(name).orElseThrow(() -> api.configurationSetNotFound(name));
    }

    /** Adds or (replace=true) updates a destination; SNS topics must exist on this server. */
    public static void putDestination(Api api, TopicPublisher topics, ConfigurationSet set, EventDestination d,
                                      boolean replace) {
        boolean exists = set.destinations().containsKey(d.name());
        if (replace && !exists) {
            throw api.notFound("EventDestinationDoesNotExistException", "No EventDestination found for "
                    + set.name() + " with name " + d.name() + ".");
        }
        if (!replace && exists) {
            throw api.alreadyExists("EventDestinationAlreadyExistsException", "Event destination " + d.name()
                    + " already exists in configuration set " + set.name() + ".");
        }
        if (!replace && set.destinations().size() >= ConfigurationSet.MAX_EVENT_DESTINATIONS) {
            throw api.limitExceeded("Maximum number of event destinations (" + ConfigurationSet.MAX_EVENT_DESTINATIONS
                    + ") reached for configuration set " + set.name() + ".");
        }
        if (d.types().isEmpty()) {
            throw api.invalidParameter("MatchingEventTypes must contain at least one event type.");
        }
        if (d.target() == null) {
            throw api.invalidParameter("An event destination must have exactly one destination.");
        }
        if (d.target() instanceof EventTarget.Sns sns && !topics.exists(sns.topicArn())) {
            // AWS's words (LocalStack's AWS-recorded snapshot of test_cannot_create_event_for_no_topic, 2023).
            throw api.error("InvalidSNSDestinationException", "BadRequestException",
                    "SNS topic <" + sns.topicArn() + "> not found.");
        }
        set.destinations().put(d.name(), d);
    }

    /**
     * AWS names the set alone, without the destination nor a closing period (LocalStack's AWS-recorded snapshot
     * of test_deleting_non_existent_configuration_set_event_destination, 2023); an update of a missing
     * destination was not recorded and keeps the longer wording above.
     */
    public static void deleteDestination(Api api, ConfigurationSet set, String name) {
        if (set.destinations().remove(name) == null) {
            throw api.notFound("EventDestinationDoesNotExistException", "No EventDestination found for " + set.name());
        }
    }
}
