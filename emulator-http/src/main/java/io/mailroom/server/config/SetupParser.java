package io.mailroom.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed file into a {@link Setup}, checking its shape: every mapping admits only its documented
 * keys, and each value must have the expected type. What AWS itself would refuse (a bad attribute value, a
 * malformed name) is left to the services when the setup is applied.
 */
final class SetupParser {
    private final Scope defaults;

    SetupParser(Scope defaults) {
        this.defaults = defaults;
    }

    Setup parse(ConfigValue root) {
        Fields top = Fields.of(root, "the file", "accounts");
        List<AccountSetup> accounts = new ArrayList<>();
        for (ConfigValue a : top.list("accounts")) {
            accounts.add(account(a));
        }
        return new Setup(List.copyOf(accounts));
    }

    private AccountSetup account(ConfigValue value) {
        Fields f = Fields.of(value, "an account", "id", "region", "sqs", "sns", "s3", "ses");
        String id = f.text("id", defaults.accountId());
        if (!id.matches("\\d{12}")) {
            throw f.get("id").at().error("an account id must be 12 digits: " + id);
        }
        String region = f.text("region", defaults.region());
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw f.get("region").at().error("not a region name: " + region);
        }
        List<QueueSetup> queues = new ArrayList<>();
        if (f.get("sqs") != null) {
            for (ConfigValue q : Fields.of(f.get("sqs"), "sqs", "queues").list("queues")) {
                queues.add(queue(q));
            }
        }
        List<TopicSetup> topics = new ArrayList<>();
        if (f.get("sns") != null) {
            for (ConfigValue t : Fields.of(f.get("sns"), "sns", "topics").list("topics")) {
                topics.add(topic(t));
            }
        }
        List<BucketSetup> buckets = new ArrayList<>();
        if (f.get("s3") != null) {
            for (ConfigValue b : Fields.of(f.get("s3"), "s3", "buckets").list("buckets")) {
                buckets.add(bucket(b));
            }
        }
        SesSetup ses = f.get("ses") == null ? SesSetup.EMPTY : ses(f.get("ses"));
        return new AccountSetup(f.at(), new Scope(id, region), List.copyOf(queues), List.copyOf(topics),
                List.copyOf(buckets), ses);
    }

    private static QueueSetup queue(ConfigValue value) {
        Fields f = Fields.of(value, "a queue", "name", "attributes", "tags");
        return new QueueSetup(f.at(), f.requiredText("name"), attributes(f, "attributes"), f.stringMap("tags"));
    }

    private static BucketSetup bucket(ConfigValue value) {
        Fields f = Fields.of(value, "a bucket", "name", "notifications");
        f.requiredText("name");
        ConfigValue name = f.get("name");
        ConfigValue n = f.get("notifications");
        List<BucketNotificationSetup> notifications = new ArrayList<>();
        if (n != null) {
            Fields nf = Fields.of(n, "bucket notifications", "queues", "topics");
            for (ConfigValue q : nf.list("queues")) {
                notifications.add(bucketNotification(q, false));
            }
            for (ConfigValue t : nf.list("topics")) {
                notifications.add(bucketNotification(t, true));
            }
        }
        return new BucketSetup(f.at(), new Located<>(Fields.text(name), name.at()),
                n == null ? null : n.at(), List.copyOf(notifications));
    }

    private static BucketNotificationSetup bucketNotification(ConfigValue value, boolean topic) {
        String kind = topic ? "topic" : "queue";
        Fields f = Fields.of(value, "a " + kind + " notification", kind, "events", "prefix", "suffix", "id");
        f.requiredText(kind);
        ConfigValue destination = f.get(kind);
        if (f.get("events") == null) {
            throw f.at().error("missing required key events");
        }
        List<Located<String>> events = f.texts("events");
        if (events.isEmpty()) {
            throw f.get("events").at().error("must name at least one event type, such as s3:ObjectCreated:*");
        }
        return new BucketNotificationSetup(f.at(), topic, new Located<>(Fields.text(destination), destination.at()),
                f.text("id", null), events, f.text("prefix", null), f.text("suffix", null));
    }

    private static TopicSetup topic(ConfigValue value) {
        Fields f = Fields.of(value, "a topic", "name", "attributes", "tags", "subscriptions");
        List<SubscriptionSetup> subscriptions = new ArrayList<>();
        for (ConfigValue s : f.list("subscriptions")) {
            subscriptions.add(subscription(s));
        }
        return new TopicSetup(f.at(), f.requiredText("name"), attributes(f, "attributes"), f.stringMap("tags"),
                List.copyOf(subscriptions));
    }

    private static SubscriptionSetup subscription(ConfigValue value) {
        Fields f = Fields.of(value, "a subscription", "protocol", "endpoint", "raw", "filterPolicy",
                "filterPolicyScope", "attributes", "confirmed");
        Map<String, ConfigValue> attributes = new LinkedHashMap<>(attributes(f, "attributes"));
        shorthand(f, "raw", "RawMessageDelivery", attributes);
        shorthand(f, "filterPolicy", "FilterPolicy", attributes);
        shorthand(f, "filterPolicyScope", "FilterPolicyScope", attributes);
        if (f.get("raw") != null) {
            Fields.bool(f.get("raw"));
        }
        ConfigValue endpoint = f.get("endpoint");
        if (endpoint == null) {
            throw f.at().error("missing required key endpoint");
        }
        Boolean confirmed = f.bool("confirmed");
        return new SubscriptionSetup(f.at(), f.requiredText("protocol"),
                new Located<>(Fields.text(endpoint), endpoint.at()), attributes, confirmed == null || confirmed);
    }

    private static void shorthand(Fields f, String key, String attribute, Map<String, ConfigValue> attributes) {
        ConfigValue v = f.get(key);
        if (v == null) {
            return;
        }
        if (attributes.containsKey(attribute)) {
            throw v.at().error("given twice: as " + key + " and as attributes." + attribute);
        }
        attributes.put(attribute, v);
    }

    /** An attribute map: values are scalars, or mappings and lists for JSON-valued attributes. */
    private static Map<String, ConfigValue> attributes(Fields f, String key) {
        Map<String, ConfigValue> out = new LinkedHashMap<>();
        f.values(key).forEach((name, v) -> {
            if (v instanceof ConfigValue.Scalar s && s.kind() == ConfigValue.Kind.NULL) {
                throw v.at().error("an attribute value must not be null");
            }
            out.put(name, v);
        });
        return out;
    }

    private static SesSetup ses(ConfigValue value) {
        Fields f = Fields.of(value, "ses", "identities", "templates", "configurationSets",
                "identityNotifications", "receiptRuleSets");
        List<TemplateSetup> templates = new ArrayList<>();
        for (ConfigValue t : f.list("templates")) {
            Fields tf = Fields.of(t, "a template", "name", "subject", "text", "html");
            templates.add(new TemplateSetup(tf.at(), tf.requiredText("name"), tf.text("subject", null),
                    tf.text("text", null), tf.text("html", null)));
        }
        List<ConfigurationSetSetup> sets = new ArrayList<>();
        for (ConfigValue c : f.list("configurationSets")) {
            sets.add(configurationSet(c));
        }
        List<NotificationSetup> notifications = new ArrayList<>();
        for (ConfigValue n : f.list("identityNotifications")) {
            notifications.add(notification(n));
        }
        List<RuleSetSetup> ruleSets = new ArrayList<>();
        for (ConfigValue r : f.list("receiptRuleSets")) {
            Fields rf = Fields.of(r, "a receipt rule set", "name", "active", "rules");
            for (ConfigValue rule : rf.list("rules")) {
                Fields.mapping(rule, "a receipt rule");
            }
            Boolean active = rf.bool("active");
            ruleSets.add(new RuleSetSetup(rf.at(), rf.requiredText("name"), active != null && active,
                    rf.list("rules")));
        }
        long active = ruleSets.stream().filter(RuleSetSetup::active).count();
        if (active > 1) {
            throw f.get("receiptRuleSets").at().error("only one receipt rule set can be active, " + active + " are");
        }
        return new SesSetup(f.texts("identities"), List.copyOf(templates), List.copyOf(sets),
                List.copyOf(notifications), List.copyOf(ruleSets));
    }

    private static ConfigurationSetSetup configurationSet(ConfigValue value) {
        Fields f = Fields.of(value, "a configuration set", "name", "eventDestinations");
        List<EventDestinationSetup> destinations = new ArrayList<>();
        for (ConfigValue d : f.list("eventDestinations")) {
            Fields df = Fields.of(d, "an event destination", "name", "events", "topic", "enabled");
            ConfigValue topic = df.get("topic");
            if (topic == null) {
                throw df.at().error("missing required key topic (only SNS event destinations can be declared)");
            }
            Boolean enabled = df.bool("enabled");
            destinations.add(new EventDestinationSetup(df.at(), df.requiredText("name"), df.texts("events"),
                    new Located<>(Fields.text(topic), topic.at()), enabled == null || enabled));
        }
        return new ConfigurationSetSetup(f.at(), f.requiredText("name"), List.copyOf(destinations));
    }

    private static NotificationSetup notification(ConfigValue value) {
        Fields f = Fields.of(value, "an identity notification", "identity", "bounce", "complaint", "delivery",
                "forwarding");
        Map<String, Located<String>> topics = new LinkedHashMap<>();
        for (String type : List.of("bounce", "complaint", "delivery")) {
            ConfigValue v = f.get(type);
            if (v != null) {
                topics.put(Character.toUpperCase(type.charAt(0)) + type.substring(1), new Located<>(Fields.text(v), v.at()));
            }
        }
        return new NotificationSetup(f.at(), f.requiredText("identity"), topics, f.bool("forwarding"));
    }
}
