package io.mailroom.ses.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.SesState;
import io.mailroom.ses.account.Account;
import io.mailroom.ses.api.Api;
import io.mailroom.ses.api.Inputs;
import io.mailroom.ses.api.Outputs;
import io.mailroom.ses.api.PageToken;
import io.mailroom.ses.contact.Contact;
import io.mailroom.ses.contact.ContactList;
import io.mailroom.ses.contact.ContactLists;
import io.mailroom.ses.contact.ContactTopic;
import io.mailroom.ses.identity.IdentityNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** v2 list management: contact lists with topics, and their contacts (honoured by sends with ListManagementOptions). */
public final class V2Contacts {
    private static final Api API = Api.V2;
    private final SesState state;

    public V2Contacts(SesState state) {
        this.state = state;
    }

    private static ContactList list(Account a, String name) {
        return a.contactLists.find(name).orElseThrow(() ->
                API.notFound("NotFoundException", "List with name " + name + " does not exist."));
    }

    private static Map<String, ContactTopic> topics(JsonNode topics) {
        Map<String, ContactTopic> out = new LinkedHashMap<>();
        if (topics != null) {
            if (topics.size() > ContactLists.MAX_TOPICS) {
                throw API.limitExceeded("A contact list can have at most " + ContactLists.MAX_TOPICS + " topics.");
            }
            topics.forEach(t -> out.put(Inputs.text(t, "TopicName"), new ContactTopic(Inputs.text(t, "TopicName"),
                    Inputs.text(t, "DisplayName"), Inputs.text(t, "Description"),
                    Inputs.text(t, "DefaultSubscriptionStatus"))));
        }
        return out;
    }

    public ObjectNode createList(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "ContactListName");
        Map<String, ContactTopic> topics = topics(Inputs.node(in, "Topics"));
        synchronized (state.lock) {
            Account a = state.account(ctx);
            if (a.contactLists.find(name).isPresent()) {
                throw API.alreadyExists("AlreadyExistsException", "List with name " + name + " already exists.");
            }
            if (a.contactLists.isFull()) {
                throw API.limitExceeded("Maximum number of contact lists (" + ContactLists.MAX_LISTS + ") reached.");
            }
            ContactList list = new ContactList(name, state.now());
            list.update(Inputs.text(in, "Description"), topics, state.now());
            a.contactLists.add(list);
            a.tags.put(a.scope.arn("contact-list/" + name), V2Tags.read(Inputs.node(in, "Tags")));
        }
        return Outputs.object();
    }

    public ObjectNode getList(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            ContactList l = list(a, Inputs.text(in, "ContactListName"));
            ObjectNode out = Outputs.object().put("ContactListName", l.name());
            ArrayNode topics = out.putArray("Topics");
            l.topics().values().forEach(t -> {
                ObjectNode o = topics.addObject().put("TopicName", t.name()).put("DisplayName", t.displayName());
                Outputs.putIfNotNull(o, "Description", t.description());
                o.put("DefaultSubscriptionStatus", t.defaultStatus());
            });
            Outputs.putIfNotNull(out, "Description", l.description());
            Outputs.timestamp(out, "CreatedTimestamp", l.createdMillis());
            Outputs.timestamp(out, "LastUpdatedTimestamp", l.updatedMillis());
            out.set("Tags", V2Tags.json(a.tags.of(a.scope.arn("contact-list/" + l.name()))));
            return out;
        }
    }

    public ObjectNode updateList(RequestContext ctx, ObjectNode in) {
        Map<String, ContactTopic> topics = topics(Inputs.node(in, "Topics"));
        synchronized (state.lock) {
            ContactList l = list(state.account(ctx), Inputs.text(in, "ContactListName"));
            l.update(Inputs.text(in, "Description"), topics, state.now());
        }
        return Outputs.object();
    }

    public ObjectNode deleteList(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            Account a = state.account(ctx);
            ContactList l = list(a, Inputs.text(in, "ContactListName"));
            a.contactLists.remove(l.name());
            a.tags.drop(a.scope.arn("contact-list/" + l.name()));
        }
        return Outputs.object();
    }

    public ObjectNode listLists(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            PageToken.Page<ContactList> page = PageToken.page(API, state.account(ctx).contactLists.all(),
                    ContactList::name, Inputs.text(in, "NextToken"), Inputs.pageSize(in, "PageSize", 100));
            ObjectNode out = Outputs.object();
            ArrayNode lists = out.putArray("ContactLists");
            page.items().forEach(l -> Outputs.timestamp(lists.addObject().put("ContactListName", l.name()),
                    "LastUpdatedTimestamp", l.updatedMillis()));
            Outputs.putIfNotNull(out, "NextToken", page.nextToken());
            return out;
        }
    }

    private static Map<String, String> preferences(ContactList l, JsonNode prefs) {
        Map<String, String> out = new LinkedHashMap<>();
        if (prefs != null) {
            for (JsonNode p : prefs) {
                String topic = Inputs.text(p, "TopicName");
                if (!l.topics().containsKey(topic)) {
                    throw API.invalidParameter("Topic " + topic + " does not exist in list " + l.name() + ".");
                }
                out.put(topic, Inputs.text(p, "SubscriptionStatus"));
            }
        }
        return out;
    }

    public ObjectNode createContact(RequestContext ctx, ObjectNode in) {
        String email = IdentityNames.requireEmail(API, Inputs.text(in, "EmailAddress"));
        synchronized (state.lock) {
            ContactList l = list(state.account(ctx), Inputs.text(in, "ContactListName"));
            if (l.contacts().containsKey(ContactList.key(email))) {
                throw API.alreadyExists("AlreadyExistsException", "Contact already exists in list " + l.name() + ".");
            }
            long now = state.now();
            l.contacts().put(ContactList.key(email), new Contact(email, preferences(l, Inputs.node(in, "TopicPreferences")),
                    Inputs.bool(in, "UnsubscribeAll", false), Inputs.text(in, "AttributesData"), now, now));
        }
        return Outputs.object();
    }

    private static Contact contact(ContactList l, String email) {
        Contact c = email == null ? null : l.contacts().get(ContactList.key(email));
        if (c == null) {
            throw API.notFound("NotFoundException", "Contact " + email + " does not exist in list " + l.name() + ".");
        }
        return c;
    }

    public ObjectNode getContact(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ContactList l = list(state.account(ctx), Inputs.text(in, "ContactListName"));
            Contact c = contact(l, Inputs.text(in, "EmailAddress"));
            ObjectNode out = contactJson(l, c).put("ContactListName", l.name());
            Outputs.putIfNotNull(out, "AttributesData", c.attributesData());
            Outputs.timestamp(out, "CreatedTimestamp", c.createdMillis());
            return out;
        }
    }

    public ObjectNode updateContact(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ContactList l = list(state.account(ctx), Inputs.text(in, "ContactListName"));
            Contact old = contact(l, Inputs.text(in, "EmailAddress"));
            Map<String, String> prefs = in.has("TopicPreferences")
                    ? preferences(l, Inputs.node(in, "TopicPreferences")) : old.preferences();
            l.contacts().put(ContactList.key(old.emailAddress()), new Contact(old.emailAddress(), prefs,
                    Inputs.bool(in, "UnsubscribeAll", old.unsubscribeAll()),
                    Inputs.text(in, "AttributesData", old.attributesData()), old.createdMillis(), state.now()));
        }
        return Outputs.object();
    }

    public ObjectNode deleteContact(RequestContext ctx, ObjectNode in) {
        synchronized (state.lock) {
            ContactList l = list(state.account(ctx), Inputs.text(in, "ContactListName"));
            Contact c = contact(l, Inputs.text(in, "EmailAddress"));
            l.contacts().remove(ContactList.key(c.emailAddress()));
        }
        return Outputs.object();
    }

    /** Filter: FilteredStatus (OPT_IN/OPT_OUT) for a topic, optionally counting topic defaults. */
    public ObjectNode listContacts(RequestContext ctx, ObjectNode in) {
        JsonNode filter = Inputs.node(in, "Filter");
        String status = Inputs.text(filter, "FilteredStatus");
        JsonNode topicFilter = Inputs.node(filter, "TopicFilter");
        String topic = Inputs.text(topicFilter, "TopicName");
        boolean useDefault = Inputs.bool(topicFilter, "UseDefaultIfPreferenceUnavailable", false);
        synchronized (state.lock) {
            ContactList l = list(state.account(ctx), Inputs.text(in, "ContactListName"));
            List<Contact> matching = new ArrayList<>();
            for (Contact c : l.contacts().values()) {
                if (status == null || matches(l, c, status, topic, useDefault)) {
                    matching.add(c);
                }
            }
            PageToken.Page<Contact> page = PageToken.page(API, matching, c -> ContactList.key(c.emailAddress()),
                    Inputs.text(in, "NextToken"), Inputs.pageSize(in, "PageSize", 100));
            ObjectNode out = Outputs.object();
            ArrayNode contacts = out.putArray("Contacts");
            page.items().forEach(c -> contacts.add(contactJson(l, c)));
            Outputs.putIfNotNull(out, "NextToken", page.nextToken());
            return out;
        }
    }

    private static boolean matches(ContactList l, Contact c, String status, String topic, boolean useDefault) {
        if (topic == null) {
            boolean any = c.preferences().containsValue(status);
            return useDefault ? any || l.topics().values().stream().anyMatch(t -> !c.preferences().containsKey(t.name())
                    && status.equals(t.defaultStatus())) : any;
        }
        String chosen = c.preferences().get(topic);
        if (chosen == null && useDefault && l.topics().containsKey(topic)) {
            chosen = l.topics().get(topic).defaultStatus();
        }
        return status.equals(chosen);
    }

    private static ObjectNode contactJson(ContactList l, Contact c) {
        ObjectNode o = Outputs.object().put("EmailAddress", c.emailAddress());
        ArrayNode prefs = o.putArray("TopicPreferences");
        c.preferences().forEach((k, v) -> prefs.addObject().put("TopicName", k).put("SubscriptionStatus", v));
        ArrayNode defaults = o.putArray("TopicDefaultPreferences");
        l.topics().values().stream().filter(t -> !c.preferences().containsKey(t.name()))
                .forEach(t -> defaults.addObject().put("TopicName", t.name()).put("SubscriptionStatus", t.defaultStatus()));
        o.put("UnsubscribeAll", c.unsubscribeAll());
        Outputs.timestamp(o, "LastUpdatedTimestamp", c.updatedMillis());
        return o;
    }
}
