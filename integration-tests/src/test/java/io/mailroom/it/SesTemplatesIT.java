package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ses.model.InvalidRenderingParameterException;
import software.amazon.awssdk.services.ses.model.InvalidTemplateException;
import software.amazon.awssdk.services.ses.model.MissingRenderingAttributeException;
import software.amazon.awssdk.services.ses.model.TemplateDoesNotExistException;
import software.amazon.awssdk.services.ses.model.TemplateMetadata;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.EmailTemplateMetadata;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/**
 * Email templates in both APIs over one store: CRUD, listing, TestRenderTemplate / TestRenderEmailTemplate with
 * Handlebars ({{var}}, nested paths, #if, #each, escaping) and their errors; a v2 template sent through v1.
 */
class SesTemplatesIT {
    private static final SesClients.Account A = SesClients.account("210000000004");

    @BeforeAll
    static void sender() {
        A.ses().verifyEmailIdentity(b -> b.emailAddress("templates@tpl.example.com"));
    }

    @Test
    void v1Crud() {
        String name = SesClients.name("v1crud");
        A.ses().createTemplate(b -> b.template(t -> t.templateName(name).subjectPart("Hi {{n}}").textPart("T {{n}}")
                .htmlPart("<p>{{n}}</p>")));
        SesClients.error(software.amazon.awssdk.services.ses.model.AlreadyExistsException.class, "AlreadyExists", 400,
                () -> A.ses().createTemplate(b -> b.template(t -> t.templateName(name).subjectPart("x"))));
        var got = A.ses().getTemplate(b -> b.templateName(name)).template();
        assertThat(got.subjectPart()).isEqualTo("Hi {{n}}");
        assertThat(got.textPart()).isEqualTo("T {{n}}");
        assertThat(got.htmlPart()).isEqualTo("<p>{{n}}</p>");

        A.ses().updateTemplate(b -> b.template(t -> t.templateName(name).subjectPart("Hello {{n}}").textPart("T2")));
        assertThat(A.ses().getTemplate(b -> b.templateName(name)).template().subjectPart()).isEqualTo("Hello {{n}}");
        assertThat(A.ses().listTemplates(b -> { }).templatesMetadata()).extracting(TemplateMetadata::name)
                .contains(name);

        A.ses().deleteTemplate(b -> b.templateName(name));
        SesClients.error(TemplateDoesNotExistException.class, "TemplateDoesNotExist", 400,
                () -> A.ses().getTemplate(b -> b.templateName(name)));
        SesClients.error(TemplateDoesNotExistException.class, "TemplateDoesNotExist", 400,
                () -> A.ses().updateTemplate(b -> b.template(t -> t.templateName(name).subjectPart("x"))));
        SesClients.error(software.amazon.awssdk.services.ses.model.SesException.class, "InvalidParameterValue", 400,
                () -> A.ses().createTemplate(b -> b.template(t -> t.templateName("bad name!").subjectPart("x"))));
        SesClients.error(InvalidTemplateException.class, "InvalidTemplate", 400,
                () -> A.ses().createTemplate(b -> b.template(t -> t.templateName(SesClients.name("broken"))
                        .subjectPart("{{#if x}}never closed"))));
    }

    @Test
    void v2CrudAndPaging() {
        String name = SesClients.name("v2crud");
        A.v2().createEmailTemplate(b -> b.templateName(name).templateContent(t -> t.subject("S {{a}}").text("T")
                .html("<i>H</i>")));
        SesClients.error(AlreadyExistsException.class, "AlreadyExistsException", 400, () -> A.v2()
                .createEmailTemplate(b -> b.templateName(name).templateContent(t -> t.subject("x"))));
        var got = A.v2().getEmailTemplate(b -> b.templateName(name));
        assertThat(got.templateContent().subject()).isEqualTo("S {{a}}");
        assertThat(got.templateContent().html()).isEqualTo("<i>H</i>");
        A.v2().updateEmailTemplate(b -> b.templateName(name).templateContent(t -> t.subject("S2").text("T2")));
        assertThat(A.v2().getEmailTemplate(b -> b.templateName(name)).templateContent().subject()).isEqualTo("S2");
        // Same store as v1.
        assertThat(A.ses().getTemplate(b -> b.templateName(name)).template().subjectPart()).isEqualTo("S2");

        for (int i = 0; i < 3; i++) {
            String n = SesClients.name("page");
            A.v2().createEmailTemplate(b -> b.templateName(n).templateContent(t -> t.subject("x")));
        }
        List<String> names = new ArrayList<>();
        A.v2().listEmailTemplatesPaginator(b -> b.pageSize(2))
                .forEach(p -> p.templatesMetadata().forEach(m -> names.add(m.templateName())));
        assertThat(names).doesNotHaveDuplicates().contains(name).hasSizeGreaterThanOrEqualTo(4);
        List<String> v1Names = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = A.ses().listTemplates(b -> b.maxItems(2).nextToken(t));
            assertThat(page.templatesMetadata().size()).isLessThanOrEqualTo(2);
            page.templatesMetadata().forEach(m -> v1Names.add(m.name()));
            token = page.nextToken();
        } while (token != null);
        assertThat(v1Names).containsExactlyInAnyOrderElementsOf(names);
        assertThat(A.v2().listEmailTemplates(b -> { }).templatesMetadata()).extracting(EmailTemplateMetadata::templateName)
                .contains(name);

        A.v2().deleteEmailTemplate(b -> b.templateName(name));
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().getEmailTemplate(b -> b.templateName(name)));
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().deleteEmailTemplate(b -> b.templateName(name)));
    }

    private String renderV1(String subject, String text, String html, String data) {
        String name = SesClients.name("render");
        A.ses().createTemplate(b -> b.template(t -> t.templateName(name).subjectPart(subject).textPart(text)
                .htmlPart(html)));
        return A.ses().testRenderTemplate(b -> b.templateName(name).templateData(data)).renderedTemplate();
    }

    @Test
    void testRenderTemplateWithHandlebars() {
        String data = "{\"name\":\"Ann & Bob\",\"user\":{\"city\":\"Oslo\"},\"vip\":true,\"guest\":false,"
                + "\"items\":[{\"sku\":\"A1\",\"qty\":2},{\"sku\":\"B2\",\"qty\":5}]}";
        String rendered = renderV1("Hello {{{name}}} from {{user.city}}",
                "{{#if vip}}VIP {{/if}}{{#if guest}}guest{{else}}member{{/if}}:"
                        + "{{#each items}} {{sku}}x{{qty}}{{/each}}",
                "<p>{{name}}</p><p>{{{name}}}</p>", data);
        var message = SesClients.parse(rendered.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(message.getSubject()).isEqualTo("Hello Ann & Bob from Oslo");
            var alt = (jakarta.mail.internet.MimeMultipart) message.getContent();
            assertThat(alt.getBodyPart(0).getContent().toString().trim()).isEqualTo("VIP member: A1x2 B2x5");
            assertThat(alt.getBodyPart(1).getContent().toString().trim())
                    .isEqualTo("<p>Ann &amp; Bob</p><p>Ann & Bob</p>");
        } catch (Exception e) {
            throw new AssertionError(rendered, e);
        }
    }

    @Test
    void testRenderEmailTemplateInV2() {
        String name = SesClients.name("render2");
        A.v2().createEmailTemplate(b -> b.templateName(name).templateContent(t -> t.subject("Order {{order.id}}")
                .text("{{#each order.lines}}{{@index}}:{{this}};{{/each}}")));
        String rendered = A.v2().testRenderEmailTemplate(b -> b.templateName(name)
                .templateData("{\"order\":{\"id\":\"X-9\",\"lines\":[\"a\",\"b\"]}}")).renderedTemplate();
        assertThat(rendered).contains("Subject: Order X-9").contains("0:a;1:b;");
    }

    @Test
    void renderErrors() {
        String name = SesClients.name("errs");
        A.ses().createTemplate(b -> b.template(t -> t.templateName(name).subjectPart("Hi {{name}}").textPart("x")));
        SesClients.error(MissingRenderingAttributeException.class, "MissingRenderingAttribute", 400,
                () -> A.ses().testRenderTemplate(b -> b.templateName(name).templateData("{\"other\":1}")));
        SesClients.error(InvalidRenderingParameterException.class, "InvalidRenderingParameter", 400,
                () -> A.ses().testRenderTemplate(b -> b.templateName(name).templateData("{not json")));
        SesClients.error(TemplateDoesNotExistException.class, "TemplateDoesNotExist", 400,
                () -> A.ses().testRenderTemplate(b -> b.templateName("no-such-tpl").templateData("{}")));

        SesClients.error(BadRequestException.class, "BadRequestException", 400,
                () -> A.v2().testRenderEmailTemplate(b -> b.templateName(name).templateData("{\"other\":1}")));
        SesClients.error(BadRequestException.class, "BadRequestException", 400,
                () -> A.v2().testRenderEmailTemplate(b -> b.templateName(name).templateData("[1,2]")));
        SesClients.error(NotFoundException.class, "NotFoundException", 404,
                () -> A.v2().testRenderEmailTemplate(b -> b.templateName("no-such-tpl").templateData("{}")));
    }

    @Test
    void templateCreatedThroughV2IsSentThroughV1() {
        String name = SesClients.name("cross");
        A.v2().createEmailTemplate(b -> b.templateName(name).templateContent(t -> t.subject("Cross {{who}}")
                .text("Body for {{who}}")));
        String id = A.ses().sendTemplatedEmail(b -> b.source("templates@tpl.example.com")
                .destination(d -> d.toAddresses("success@simulator.amazonses.com")).template(name)
                .templateData("{\"who\":\"v1\"}")).messageId();
        var stored = SesClients.sentMessage(id);
        assertThat(stored.path("Subject").asText()).isEqualTo("Cross v1");
        assertThat(stored.path("Body").path("text_part").asText()).isEqualTo("Body for v1");
        assertThat(stored.path("Template").asText()).isEqualTo(name);

        // And a v1 template through v2.
        String v1 = SesClients.name("cross1");
        A.ses().createTemplate(b -> b.template(t -> t.templateName(v1).subjectPart("Back {{who}}").textPart("b")));
        String id2 = A.v2().sendEmail(b -> b.fromEmailAddress("templates@tpl.example.com")
                .destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                .content(c -> c.template(t -> t.templateName(v1).templateData("{\"who\":\"v2\"}")))).messageId();
        assertThat(SesClients.sentMessage(id2).path("Subject").asText()).isEqualTo("Back v2");
    }

    @Test
    void templatedSendWithMissingAttributeIsAcceptedButNotSent() {
        String name = SesClients.name("missing");
        A.ses().createTemplate(b -> b.template(t -> t.templateName(name).subjectPart("Hi {{name}}").textPart("x")));
        SesClients.Feed events = A.feed("render-failures");
        String set = SesClients.name("rf");
        A.ses().createConfigurationSet(b -> b.configurationSet(c -> c.name(set)));
        A.ses().createConfigurationSetEventDestination(b -> b.configurationSetName(set).eventDestination(d -> d
                .name("sns").enabled(true).matchingEventTypes(
                        software.amazon.awssdk.services.ses.model.EventType.RENDERING_FAILURE)
                .snsDestination(s -> s.topicARN(events.topicArn()))));
        // SES accepts the call and reports a Rendering Failure event instead of sending.
        String id = A.ses().sendTemplatedEmail(b -> b.source("templates@tpl.example.com").configurationSetName(set)
                .destination(d -> d.toAddresses("success@simulator.amazonses.com")).template(name)
                .templateData("{}")).messageId();
        var failure = events.await(id);
        assertThat(failure.path("eventType").asText()).isEqualTo("Rendering Failure");
        assertThat(failure.path("failure").path("templateName").asText()).isEqualTo(name);
        assertThat(failure.path("failure").path("errorMessage").asText()).contains("name");
        assertThat(SesClients.get("/_aws/ses?id=" + id).json().path("messages")).isEmpty();
    }
}
