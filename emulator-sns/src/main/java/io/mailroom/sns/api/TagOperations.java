package io.mailroom.sns.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sns.SnsState;
import io.mailroom.sns.topic.TagSet;
import io.mailroom.sns.topic.Topic;

/** TagResource, UntagResource, ListTagsForResource (topics). */
public final class TagOperations {
    private final SnsState state;

    public TagOperations(SnsState state) {
        this.state = state;
    }

    public ObjectNode tag(RequestContext ctx, ObjectNode in) {
        Topic topic = state.taggedTopic(Inputs.text(in, "ResourceArn"));
        topic.tags().put(Inputs.tags(in, "Tags"));
        return Outputs.empty();
    }

    public ObjectNode untag(RequestContext ctx, ObjectNode in) {
        Topic topic = state.taggedTopic(Inputs.text(in, "ResourceArn"));
        topic.tags().remove(Inputs.stringList(in, "TagKeys"));
        return Outputs.empty();
    }

    public ObjectNode list(RequestContext ctx, ObjectNode in) {
        Topic topic = state.taggedTopic(Inputs.text(in, "ResourceArn"));
        ObjectNode out = Outputs.empty();
        ArrayNode tags = out.putArray("Tags");
        for (TagSet.Tag t : topic.tags().list()) {
            tags.addObject().put("Key", t.key()).put("Value", t.value());
        }
        return out;
    }
}
