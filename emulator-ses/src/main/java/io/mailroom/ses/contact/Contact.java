package io.mailroom.ses.contact;

import java.util.Map;

/**
 * A contact of a list.
 *
 * @param preferences topic name → OPT_IN/OPT_OUT, as the contact chose (topics not chosen follow the
 *                    topic's default)
 */
public record Contact(String emailAddress, Map<String, String> preferences, boolean unsubscribeAll,
                      String attributesData, long createdMillis, long updatedMillis) {
    public Contact {
        preferences = Map.copyOf(preferences);
    }

    /** Whether mail about {@code topic} (null: any list mail) may go to this contact. */
    public boolean accepts(ContactList list, String topic) {
        if (unsubscribeAll) {
            return false;
        }
        if (topic == null) {
            return true;
        }
        String status = preferences.get(topic);
        if (status == null) {
            ContactTopic t = list.topics().get(topic);
            status = t == null ? "OPT_OUT" : t.defaultStatus();
        }
        return "OPT_IN".equals(status);
    }
}
