package io.mailroom.ses;

import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.EnumPolicy;
import io.mailroom.core.service.OperationTable;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.core.service.ValidationErrors;
import io.mailroom.ses.api.SesErrors;
import io.mailroom.ses.notification.Notifier;
import io.mailroom.ses.sending.Sender;
import io.mailroom.ses.template.CustomVerification;
import io.mailroom.ses.v1.V1ConfigurationSets;
import io.mailroom.ses.v1.V1Identities;
import io.mailroom.ses.v1.V1Receipt;
import io.mailroom.ses.v1.V1Sending;
import io.mailroom.ses.v1.V1Templates;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon SES API v1 (Query protocol, version 2010-12-01). Its SigV4 credential scope is {@code email}
 * (the service's endpoint prefix; the CLI and SDKs sign v1 requests for {@code email.<region>.amazonaws.com}
 * with it) — the front end should also accept {@code ses}, which the model's signingName names.
 */
public final class SesService implements AwsService {
    /** The credential-scope service name of v1 requests. */
    public static final String SIGNING_NAME = "email";
    /**
     * What the front end needs to route to SES (v1), known before any instance exists. A NotificationType
     * outside the enum is left to the operations: AWS words it differently in each. An absent required member
     * gets AWS's request validation error ({@code ValidationError}, "Value null at 'destination' ..."), other
     * model constraint violations {@code InvalidParameterValue}.
     */
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor(SIGNING_NAME, Optional.empty(),
            Optional.of(SesModels.V1), null, SesErrors.V1, Map.of("NotificationType", new EnumPolicy.Open()))
            .withValidation(new ValidationErrors(SesErrors.VALIDATION_ERROR,
                    CommonErrors.INVALID_PARAMETER_VALUE, ValidationErrors.MissingWording.MUST_NOT_BE_NULL));

    private final SesState state;
    private final OperationTable operations;
    private final ServiceDescriptor descriptor;

    SesService(SesState state, Sender sender, CustomVerification verification, Notifier notifier) {
        this.state = state;
        V1Identities identities = new V1Identities(state);
        V1Sending sending = new V1Sending(state, sender);
        V1Templates templates = new V1Templates(state, verification);
        V1ConfigurationSets sets = new V1ConfigurationSets(state, notifier);
        V1Receipt receipt = new V1Receipt(state);
        this.operations = OperationTable.builder()
                .sync("CloneReceiptRuleSet", receipt::cloneRuleSet)
                .sync("CreateConfigurationSet", sets::create)
                .sync("CreateConfigurationSetEventDestination", sets::createDestination)
                .sync("CreateConfigurationSetTrackingOptions", sets::createTracking)
                .sync("CreateCustomVerificationEmailTemplate", templates::createCustom)
                .sync("CreateReceiptFilter", receipt::createFilter)
                .sync("CreateReceiptRule", receipt::createRule)
                .sync("CreateReceiptRuleSet", receipt::createRuleSet)
                .sync("CreateTemplate", templates::create)
                .sync("DeleteConfigurationSet", sets::delete)
                .sync("DeleteConfigurationSetEventDestination", sets::deleteDestination)
                .sync("DeleteConfigurationSetTrackingOptions", sets::deleteTracking)
                .sync("DeleteCustomVerificationEmailTemplate", templates::deleteCustom)
                .sync("DeleteIdentity", identities::deleteIdentity)
                .sync("DeleteIdentityPolicy", identities::deletePolicy)
                .sync("DeleteReceiptFilter", receipt::deleteFilter)
                .sync("DeleteReceiptRule", receipt::deleteRule)
                .sync("DeleteReceiptRuleSet", receipt::deleteRuleSet)
                .sync("DeleteTemplate", templates::delete)
                .sync("DeleteVerifiedEmailAddress", identities::deleteVerifiedEmail)
                .sync("DescribeActiveReceiptRuleSet", receipt::describeActive)
                .sync("DescribeConfigurationSet", sets::describe)
                .sync("DescribeReceiptRule", receipt::describeRule)
                .sync("DescribeReceiptRuleSet", receipt::describeRuleSet)
                .sync("GetAccountSendingEnabled", sending::accountSendingEnabled)
                .sync("GetCustomVerificationEmailTemplate", templates::getCustom)
                .sync("GetIdentityDkimAttributes", identities::dkimAttributes)
                .sync("GetIdentityMailFromDomainAttributes", identities::mailFromAttributes)
                .sync("GetIdentityNotificationAttributes", identities::notificationAttributes)
                .sync("GetIdentityPolicies", identities::getPolicies)
                .sync("GetIdentityVerificationAttributes", identities::verificationAttributes)
                .sync("GetSendQuota", sending::sendQuota)
                .sync("GetSendStatistics", sending::sendStatistics)
                .sync("GetTemplate", templates::get)
                .sync("ListConfigurationSets", sets::list)
                .sync("ListCustomVerificationEmailTemplates", templates::listCustom)
                .sync("ListIdentities", identities::listIdentities)
                .sync("ListIdentityPolicies", identities::listPolicies)
                .sync("ListReceiptFilters", receipt::listFilters)
                .sync("ListReceiptRuleSets", receipt::listRuleSets)
                .sync("ListTemplates", templates::list)
                .sync("ListVerifiedEmailAddresses", identities::listVerifiedEmails)
                .sync("PutConfigurationSetDeliveryOptions", sets::deliveryOptions)
                .sync("PutIdentityPolicy", identities::putPolicy)
                .sync("ReorderReceiptRuleSet", receipt::reorder)
                .sync("SendBounce", sending::sendBounce)
                .sync("SendBulkTemplatedEmail", sending::sendBulkTemplatedEmail)
                .sync("SendCustomVerificationEmail", templates::sendCustom)
                .sync("SendEmail", sending::sendEmail)
                .sync("SendRawEmail", sending::sendRawEmail)
                .sync("SendTemplatedEmail", sending::sendTemplatedEmail)
                .sync("SetActiveReceiptRuleSet", receipt::setActive)
                .sync("SetIdentityDkimEnabled", identities::setDkimEnabled)
                .sync("SetIdentityFeedbackForwardingEnabled", identities::setForwarding)
                .sync("SetIdentityHeadersInNotificationsEnabled", identities::setHeadersInNotifications)
                .sync("SetIdentityMailFromDomain", identities::setMailFrom)
                .sync("SetIdentityNotificationTopic", identities::setNotificationTopic)
                .sync("SetReceiptRulePosition", receipt::setPosition)
                .sync("TestRenderTemplate", templates::testRender)
                .sync("UpdateAccountSendingEnabled", sending::updateAccountSendingEnabled)
                .sync("UpdateConfigurationSetEventDestination", sets::updateDestination)
                .sync("UpdateConfigurationSetReputationMetricsEnabled", sets::reputationMetrics)
                .sync("UpdateConfigurationSetSendingEnabled", sets::sendingEnabled)
                .sync("UpdateConfigurationSetTrackingOptions", sets::updateTracking)
                .sync("UpdateCustomVerificationEmailTemplate", templates::updateCustom)
                .sync("UpdateReceiptRule", receipt::updateRule)
                .sync("UpdateTemplate", templates::update)
                .sync("VerifyDomainDkim", identities::verifyDomainDkim)
                .sync("VerifyDomainIdentity", identities::verifyDomain)
                .sync("VerifyEmailAddress", identities::verifyEmail)
                .sync("VerifyEmailIdentity", identities::verifyEmail)
                .build();
        this.descriptor = DESCRIPTOR;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public OperationTable operations() {
        return operations;
    }

    /** Clears the state both APIs share (v2's reset does the same). */
    @Override
    public void reset() {
        state.clear();
    }
}
