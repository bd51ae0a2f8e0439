package io.mailroom.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.ses.sending.SentMessage;
import org.junit.jupiter.api.Test;

class TemplateTest extends SesTestSupport {

    private void template(String name, String subject, String text, String html) {
        v1("CreateTemplate", "{'Template':{'TemplateName':'" + name + "','SubjectPart':" + js(subject)
                + ",'TextPart':" + js(text) + ",'HtmlPart':" + js(html) + "}}");
    }

    private String render(String name, String data) {
        return v1("TestRenderTemplate", "{'TemplateName':'" + name + "','TemplateData':" + js(data) + "}")
                .get("RenderedTemplate").asText();
    }

    @Test
    void handlebarsSemantics() {
        template("t", "Hi {{user.name}}", "{{#if vip}}VIP {{else}}regular {{/if}}{{#unless banned}}ok{{/unless}}"
                + " {{#each items}}[{{this}}]{{/each}}", "<p>{{html}}</p><p>{{{html}}}</p>");
        String out = render("t", "{\"user\":{\"name\":\"Ana\"},\"vip\":false,\"banned\":false,"
                + "\"items\":[\"a\",\"b\"],\"html\":\"<i>x</i>\"}");
        assertThat(out).contains("Subject: Hi Ana", "regular ok [a][b]", "&lt;i&gt;x&lt;/i&gt;", "<p><i>x</i></p>",
                "multipart/alternative", "MIME-Version: 1.0").doesNotContain("From:");
    }

    @Test
    void renderingErrorsInBothApis() {
        template("t", "Hi {{name}}", "text", null);
        v1Fails("TestRenderTemplate", "{'TemplateName':'t','TemplateData':'{}'}", "MissingRenderingAttribute",
                "Attribute 'name' is not present in the rendering data.");
        v1Fails("TestRenderTemplate", "{'TemplateName':'t','TemplateData':'{not json'}", "InvalidRenderingParameter", "");
        v1Fails("TestRenderTemplate", "{'TemplateName':'nope','TemplateData':'{}'}", "TemplateDoesNotExist",
                "Template nope does not exist.");
        v2Fails("TestRenderEmailTemplate", "{'TemplateName':'t','TemplateData':'{}'}", "BadRequestException", 400,
                "Attribute 'name'");
        v2Fails("TestRenderEmailTemplate", "{'TemplateName':'nope','TemplateData':'{}'}", "NotFoundException", 404,
                "nope");
        assertThat(v2("TestRenderEmailTemplate", "{'TemplateName':'t','TemplateData':'{\\\"name\\\":\\\"Bo\\\"}'}")
                .get("RenderedTemplate").asText()).contains("Subject: Hi Bo");
    }

    @Test
    void crudAcrossApisAndValidation() {
        template("welcome", "S", "T", null);
        v1Fails("CreateTemplate", "{'Template':{'TemplateName':'welcome','SubjectPart':'x'}}", "AlreadyExists", "welcome");
        v1Fails("CreateTemplate", "{'Template':{'TemplateName':'bad','SubjectPart':'{{#if x}}'}}", "InvalidTemplate", "");
        JsonNode v2 = v2("GetEmailTemplate", "{'TemplateName':'welcome'}");
        assertThat(v2.get("TemplateContent").get("Subject").asText()).isEqualTo("S");
        v2("UpdateEmailTemplate", "{'TemplateName':'welcome','TemplateContent':{'Subject':'S2','Html':'<b>h</b>'}}");
        JsonNode v1 = v1("GetTemplate", "{'TemplateName':'welcome'}").get("Template");
        assertThat(v1.get("SubjectPart").asText()).isEqualTo("S2");
        assertThat(v1.get("HtmlPart").asText()).isEqualTo("<b>h</b>");
        assertThat(v1("ListTemplates", "{}").get("TemplatesMetadata").get(0).get("Name").asText()).isEqualTo("welcome");
        v2("DeleteEmailTemplate", "{'TemplateName':'welcome'}");
        v2Fails("DeleteEmailTemplate", "{'TemplateName':'welcome'}", "NotFoundException", 404, "welcome");
        v1("DeleteTemplate", "{'TemplateName':'welcome'}");
        v1Fails("UpdateTemplate", "{'Template':{'TemplateName':'welcome','SubjectPart':'x'}}", "TemplateDoesNotExist", "");
    }

    @Test
    void templatedSendsRenderOrReportRenderingFailure() {
        verifyEmail("me@example.com");
        v1("CreateConfigurationSet", "{'ConfigurationSet':{'Name':'cs'}}");
        v1("CreateConfigurationSetEventDestination", "{'ConfigurationSetName':'cs','EventDestination':{'Name':'d',"
                + "'Enabled':true,'MatchingEventTypes':['renderingFailure','send'],'SNSDestination':{'TopicARN':'" + TOPIC + "'}}}");
        template("t", "Order {{id}}", "Thanks {{name}}", null);
        String ok = v1("SendTemplatedEmail", "{'Source':'me@example.com','Destination':{'ToAddresses':['a@x.org']},"
                + "'Template':'t','TemplateData':'{\\\"id\\\":7,\\\"name\\\":\\\"Ana\\\"}','ConfigurationSetName':'cs'}")
                .get("MessageId").asText();
        SentMessage m = ses.sentMessage(ok).orElseThrow();
        assertThat(m.subject()).isEqualTo("Order 7");
        assertThat(m.text()).isEqualTo("Thanks Ana");
        assertThat(ses.sentMessagesJson(ok, null).get("messages").get(0).get("Template").asText()).isEqualTo("t");

        String failed = v1("SendTemplatedEmail", "{'Source':'me@example.com','Destination':{'ToAddresses':['a@x.org']},"
                + "'Template':'t','TemplateData':'{\\\"id\\\":8}','ConfigurationSetName':'cs'}").get("MessageId").asText();
        assertThat(ses.sentMessage(failed)).isEmpty();
        JsonNode failure = published(TOPIC).stream().filter(e -> e.get("eventType").asText().equals("Rendering Failure"))
                .findFirst().orElseThrow();
        assertThat(failure.get("failure").get("errorMessage").asText())
                .isEqualTo("Attribute 'name' is not present in the rendering data.");
        assertThat(failure.get("failure").get("templateName").asText()).isEqualTo("t");
        assertThat(failure.get("mail").get("messageId").asText()).isEqualTo(failed);

        v1Fails("SendTemplatedEmail", "{'Source':'me@example.com','Destination':{'ToAddresses':['a@x.org']},"
                + "'Template':'missing','TemplateData':'{}'}", "TemplateDoesNotExist", "missing");
    }

    @Test
    void bulkSendsMergeReplacementDataPerDestination() {
        verifyEmail("me@example.com");
        template("t", "Hi {{name}}", "{{greeting}} {{name}}", null);
        JsonNode status = v1("SendBulkTemplatedEmail", "{'Source':'me@example.com','Template':'t',"
                + "'DefaultTemplateData':'{\\\"greeting\\\":\\\"Hello\\\",\\\"name\\\":\\\"friend\\\"}','Destinations':["
                + "{'Destination':{'ToAddresses':['a@x.org']},'ReplacementTemplateData':'{\\\"name\\\":\\\"Ana\\\"}'},"
                + "{'Destination':{'ToAddresses':['b@x.org']}},"
                + "{'Destination':{'ToAddresses':['broken']}}]}").get("Status");
        assertThat(status.get(0).get("Status").asText()).isEqualTo("Success");
        assertThat(status.get(1).get("Status").asText()).isEqualTo("Success");
        assertThat(status.get(2).get("Status").asText()).isEqualTo("InvalidParameterValue");
        assertThat(ses.sentMessage(status.get(0).get("MessageId").asText()).orElseThrow().text()).isEqualTo("Hello Ana");
        assertThat(ses.sentMessage(status.get(1).get("MessageId").asText()).orElseThrow().text()).isEqualTo("Hello friend");

        JsonNode v2 = v2("SendBulkEmail", "{'FromEmailAddress':'me@example.com','DefaultContent':{'Template':{"
                + "'TemplateName':'t','TemplateData':'{\\\"greeting\\\":\\\"Yo\\\",\\\"name\\\":\\\"x\\\"}'}},'BulkEmailEntries':["
                + "{'Destination':{'ToAddresses':['c@x.org']},'ReplacementEmailContent':{'ReplacementTemplate':"
                + "{'ReplacementTemplateData':'{\\\"name\\\":\\\"Cy\\\"}'}}}]}").get("BulkEmailEntryResults");
        assertThat(v2.get(0).get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(ses.sentMessage(v2.get(0).get("MessageId").asText()).orElseThrow().subject()).isEqualTo("Hi Cy");
        v2Fails("SendBulkEmail", "{'FromEmailAddress':'me@example.com','DefaultContent':{'Template':{'TemplateName':"
                + "'nope'}},'BulkEmailEntries':[{'Destination':{'ToAddresses':['c@x.org']}}]}", "NotFoundException", 404, "nope");
        v2Fails("SendBulkEmail", "{'FromEmailAddress':'me@example.com','DefaultContent':{'Template':{'TemplateName':"
                + "'t'}}}", "BadRequestException", 400, "BulkEmailEntries");
    }

    @Test
    void v2InlineTemplateContent() {
        v2("CreateEmailIdentity", "{'EmailIdentity':'example.com'}");
        String id = v2("SendEmail", "{'FromEmailAddress':'app@example.com','Destination':{'ToAddresses':['a@x.org']},"
                + "'Content':{'Template':{'TemplateContent':{'Subject':'Code {{code}}','Text':'Your code: {{code}}'},"
                + "'TemplateData':'{\\\"code\\\":\\\"123\\\"}'}}}").get("MessageId").asText();
        assertThat(ses.sentMessage(id).orElseThrow().subject()).isEqualTo("Code 123");

        String send = "{'FromEmailAddress':'app@example.com','Destination':{'ToAddresses':['a@x.org']},"
                + "'Content':{'Template':{'TemplateContent':{'Subject':'Hi','Text':%s},'TemplateData':%s}}}";
        for (String unsupported : new String[] {"'{{#if vip}}VIP{{/if}}'", "'{{> footer}}'", "'{{lookup a b}}'"}) {
            v2Fails("SendEmail", String.format(send, unsupported, "'{}'"), "BadRequestException", 400,
                    "Template contains unsupported operations.");
        }
        v2Fails("SendEmail", String.format(send, "'{{code}}'", "'not json'"), "BadRequestException", 400,
                "Unable to parse template data (invalid JSON).");
        v2("SendEmail", String.format(send, "'{{ user.name }} {{code}}'", "'{\\\"user\\\":{\\\"name\\\":\\\"A\\\"},\\\"code\\\":1}'"));
    }

    @Test
    void v1TemplatesNeedASubjectAndListAtMostAHundred() {
        v1Fails("CreateTemplate", "{'Template':{'TemplateName':'ns','TextPart':'t'}}", "InvalidParameterValue",
                "The subject must be specified.");
        v1Fails("CreateTemplate", "{'Template':{'TemplateName':'ns','SubjectPart':'','TextPart':'t'}}",
                "InvalidParameterValue", "The subject must be specified.");
        template("t", "s", "t", null);
        v1Fails("UpdateTemplate", "{'Template':{'TemplateName':'t','TextPart':'t'}}", "InvalidParameterValue",
                "The subject must be specified.");
        assertThat(v1("ListTemplates", "{'MaxItems':101}").get("TemplatesMetadata")).hasSize(1);
    }
}
