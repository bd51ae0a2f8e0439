package io.mailroom.it;

import static io.mailroom.it.SnsClients.SNS;
import static io.mailroom.it.SnsClients.invalidParameter;
import static io.mailroom.it.SnsClients.name;
import static io.mailroom.it.SnsClients.notFound;
import static io.mailroom.it.SnsClients.snsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.TagLimitExceededException;

/** Tags, AddPermission/RemovePermission and data protection policies of topics. */
class SnsTagsPermissionsIT {

    private static Map<String, String> tags(String arn) {
        return SNS.listTagsForResource(b -> b.resourceArn(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void tagsCanBeSetAtCreationAddedOverwrittenAndRemoved() {
        String arn = SNS.createTopic(b -> b.name(name("tagged")).tags(tag("team", "core"))).topicArn();
        assertThat(tags(arn)).containsExactlyEntriesOf(Map.of("team", "core"));

        SNS.tagResource(b -> b.resourceArn(arn).tags(tag("team", "platform"), tag("cost-centre", "42")));
        assertThat(tags(arn)).isEqualTo(Map.of("team", "platform", "cost-centre", "42"));

        SNS.untagResource(b -> b.resourceArn(arn).tagKeys("team", "absent"));
        assertThat(tags(arn)).isEqualTo(Map.of("cost-centre", "42"));
    }

    @Test
    void invalidTagsAreRefused() {
        String arn = SnsClients.createTopic("bad-tags");
        invalidParameter(() -> SNS.tagResource(b -> b.resourceArn(arn).tags(tag("aws:reserved", "x"))));
        invalidParameter(() -> SNS.tagResource(b -> b.resourceArn(arn).tags(tag("dup", "1"), tag("dup", "2"))));
        assertThat(tags(arn)).isEmpty();
    }

    /**
     * TagResource documents InvalidParameterException for bad tags; Mailroom's model validation answers the
     * generic Query code InvalidParameterValue, which is no SNS error (SNS's own is ParameterValueInvalid),
     * so the SDK raises a plain SnsException.
     */
    @Test
    void aTagKeyOverOneHundredTwentyEightCharactersIsAnInvalidParameter() {
        String arn = SnsClients.createTopic("long-tag");
        invalidParameter(() -> SNS.tagResource(b -> b.resourceArn(arn).tags(tag("k".repeat(129), "x"))));
    }

    @Test
    void aTopicHoldsAtMostFiftyTags() {
        String arn = SnsClients.createTopic("tag-limit");
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("k" + i, "v"));
        }
        SNS.tagResource(b -> b.resourceArn(arn).tags(fifty));
        snsError(TagLimitExceededException.class, "TagLimitExceeded", 400,
                () -> SNS.tagResource(b -> b.resourceArn(arn).tags(tag("one-more", "v"))));
        assertThat(tags(arn)).hasSize(50);
    }

    @Test
    void taggingAMissingTopicAnswersResourceNotFound() {
        String missing = "arn:aws:sns:us-east-1:000000000000:" + name("missing");
        snsError(ResourceNotFoundException.class, "ResourceNotFound", 404,
                () -> SNS.listTagsForResource(b -> b.resourceArn(missing)));
        snsError(ResourceNotFoundException.class, "ResourceNotFound", 404,
                () -> SNS.tagResource(b -> b.resourceArn(missing).tags(tag("a", "b"))));
        snsError(ResourceNotFoundException.class, "ResourceNotFound", 404,
                () -> SNS.untagResource(b -> b.resourceArn(missing).tagKeys("a")));
    }

    @Test
    void addPermissionAddsALabelledStatementAndRemovePermissionTakesItOut() {
        String arn = SnsClients.createTopic("perm");
        SNS.addPermission(b -> b.topicArn(arn).label("let-partner-publish").awsAccountIds("111122223333")
                .actionNames("Publish", "Subscribe"));

        JsonNode statements = SnsClients.readJson(SNS.getTopicAttributes(b -> b.topicArn(arn)).attributes()
                .get("Policy")).get("Statement");
        JsonNode added = null;
        for (JsonNode s : statements) {
            if ("let-partner-publish".equals(s.path("Sid").asText())) {
                added = s;
            }
        }
        assertThat(added).as("statement with Sid let-partner-publish").isNotNull();
        assertThat(added.get("Effect").asText()).isEqualTo("Allow");
        assertThat(added.get("Resource").asText()).isEqualTo(arn);
        assertThat(added.toString()).contains("111122223333").contains("SNS:Publish").contains("SNS:Subscribe");

        SNS.removePermission(b -> b.topicArn(arn).label("let-partner-publish"));
        assertThat(SNS.getTopicAttributes(b -> b.topicArn(arn)).attributes().get("Policy"))
                .doesNotContain("let-partner-publish");
    }

    @Test
    void addPermissionValidatesItsInput() {
        String arn = SnsClients.createTopic("perm-bad");
        invalidParameter(() -> SNS.addPermission(b -> b.topicArn(arn).label("x").awsAccountIds("111122223333")
                .actionNames("DoEverything")));
        invalidParameter(() -> SNS.addPermission(b -> b.topicArn(arn).label("bad label!")
                .awsAccountIds("111122223333").actionNames("Publish")));
        notFound(() -> SNS.addPermission(b -> b.topicArn(arn + "-gone").label("x").awsAccountIds("111122223333")
                .actionNames("Publish")));
        notFound(() -> SNS.removePermission(b -> b.topicArn(arn + "-gone").label("x")));
    }

    @Test
    void dataProtectionPolicyCanBePutAndRead() {
        String arn = SnsClients.createTopic("dpp");
        assertThat(SNS.getDataProtectionPolicy(b -> b.resourceArn(arn)).dataProtectionPolicy()).isNullOrEmpty();

        String policy = "{\"Name\":\"basic\",\"Description\":\"deny email addresses\",\"Version\":\"2021-06-01\","
                + "\"Statement\":[{\"Sid\":\"deny\",\"DataDirection\":\"Inbound\",\"Principal\":[\"*\"],"
                + "\"DataIdentifier\":[\"arn:aws:dataprotection::aws:data-identifier/EmailAddress\"],"
                + "\"Operation\":{\"Deny\":{}}}]}";
        SNS.putDataProtectionPolicy(b -> b.resourceArn(arn).dataProtectionPolicy(policy));
        assertThat(SnsClients.readJson(SNS.getDataProtectionPolicy(b -> b.resourceArn(arn)).dataProtectionPolicy()))
                .isEqualTo(SnsClients.readJson(policy));

        invalidParameter(() -> SNS.putDataProtectionPolicy(b -> b.resourceArn(arn).dataProtectionPolicy("{not json")));
        notFound(() -> SNS.getDataProtectionPolicy(b -> b.resourceArn(arn + "-gone")));
        notFound(() -> SNS.putDataProtectionPolicy(b -> b.resourceArn(arn + "-gone").dataProtectionPolicy(policy)));
    }
}
