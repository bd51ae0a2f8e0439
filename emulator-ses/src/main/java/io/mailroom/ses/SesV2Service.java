package io.mailroom.ses;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.OperationTable;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.core.service.ValidationErrors;
import io.mailroom.ses.api.SesErrors;
import io.mailroom.ses.notification.Notifier;
import io.mailroom.ses.sending.Sender;
import io.mailroom.ses.template.CustomVerification;
import io.mailroom.ses.v2.V2AccountResources;
import io.mailroom.ses.v2.V2ConfigurationSets;
import io.mailroom.ses.v2.V2Contacts;
import io.mailroom.ses.v2.V2Identities;
import io.mailroom.ses.v2.V2Sending;
import io.mailroom.ses.v2.V2Templates;
import io.mailroom.ses.v2.V2Unsupported;
import java.util.Optional;

/** Amazon SES API v2 (REST-JSON, version 2019-09-27, paths under {@code /v2/email}); SigV4 scope {@code ses}. */
public final class SesV2Service implements AwsService {
    public static final String SIGNING_NAME = "ses";
    /** What the front end needs to route to SES v2, known before any instance exists. */
    // SES v2 answers model constraint violations, missing members included, with BadRequestException.
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor(SIGNING_NAME, Optional.of(SesModels.V2),
            Optional.empty(), null, SesErrors.V2).withValidation(ValidationErrors.both(SesErrors.V2.get("BadRequestException")));

    private final SesState state;
    private final OperationTable operations;
    private final ServiceDescriptor descriptor;

    SesV2Service(SesState state, Sender sender, CustomVerification verification, Notifier notifier) {
        this.state = state;
        V2Identities identities = new V2Identities(state);
        V2Sending sending = new V2Sending(state, sender);
        V2Templates templates = new V2Templates(state, verification);
        V2ConfigurationSets sets = new V2ConfigurationSets(state, notifier);
        V2Contacts contacts = new V2Contacts(state);
        V2AccountResources resources = new V2AccountResources(state);
        this.operations = OperationTable.builder()
                .unsupported("BatchGetMetricData", V2Unsupported.METRICS)
                .unsupported("CancelExportJob", V2Unsupported.S3)
                .sync("CreateConfigurationSet", sets::create)
                .sync("CreateConfigurationSetEventDestination", sets::createDestination)
                .sync("CreateContact", contacts::createContact)
                .sync("CreateContactList", contacts::createList)
                .sync("CreateCustomVerificationEmailTemplate", templates::createCustom)
                .sync("CreateDedicatedIpPool", resources::createPool)
                .unsupported("CreateDeliverabilityTestReport", V2Unsupported.DELIVERABILITY)
                .sync("CreateEmailIdentity", identities::create)
                .sync("CreateEmailIdentityPolicy", identities::createPolicy)
                .sync("CreateEmailTemplate", templates::create)
                .unsupported("CreateExportJob", V2Unsupported.S3)
                .unsupported("CreateImportJob", V2Unsupported.S3)
                .unsupported("CreateMultiRegionEndpoint", V2Unsupported.MULTI_REGION)
                .unsupported("CreateTenant", V2Unsupported.TENANTS)
                .unsupported("CreateTenantResourceAssociation", V2Unsupported.TENANTS)
                .sync("DeleteConfigurationSet", sets::delete)
                .sync("DeleteConfigurationSetEventDestination", sets::deleteDestination)
                .sync("DeleteContact", contacts::deleteContact)
                .sync("DeleteContactList", contacts::deleteList)
                .sync("DeleteCustomVerificationEmailTemplate", templates::deleteCustom)
                .sync("DeleteDedicatedIpPool", resources::deletePool)
                .sync("DeleteEmailIdentity", identities::delete)
                .sync("DeleteEmailIdentityPolicy", identities::deletePolicy)
                .sync("DeleteEmailTemplate", templates::delete)
                .unsupported("DeleteMultiRegionEndpoint", V2Unsupported.MULTI_REGION)
                .sync("DeleteSuppressedDestination", resources::deleteSuppressed)
                .unsupported("DeleteTenant", V2Unsupported.TENANTS)
                .unsupported("DeleteTenantResourceAssociation", V2Unsupported.TENANTS)
                .sync("GetAccount", sending::getAccount)
                .unsupported("GetBlacklistReports", V2Unsupported.DELIVERABILITY)
                .sync("GetConfigurationSet", sets::get)
                .sync("GetConfigurationSetEventDestinations", sets::destinations)
                .sync("GetContact", contacts::getContact)
                .sync("GetContactList", contacts::getList)
                .sync("GetCustomVerificationEmailTemplate", templates::getCustom)
                .sync("GetDedicatedIp", resources::unknownIp)
                .sync("GetDedicatedIpPool", resources::getPool)
                .sync("GetDedicatedIps", resources::dedicatedIps)
                .sync("GetDeliverabilityDashboardOptions", resources::dashboard)
                .unsupported("GetDeliverabilityTestReport", V2Unsupported.DELIVERABILITY)
                .unsupported("GetDomainDeliverabilityCampaign", V2Unsupported.DELIVERABILITY)
                .unsupported("GetDomainStatisticsReport", V2Unsupported.DELIVERABILITY)
                .unsupported("GetEmailAddressInsights", V2Unsupported.INSIGHTS)
                .sync("GetEmailIdentity", identities::get)
                .sync("GetEmailIdentityPolicies", identities::policies)
                .sync("GetEmailTemplate", templates::get)
                .unsupported("GetExportJob", V2Unsupported.S3)
                .unsupported("GetImportJob", V2Unsupported.S3)
                .unsupported("GetMessageInsights", V2Unsupported.INSIGHTS)
                .unsupported("GetMultiRegionEndpoint", V2Unsupported.MULTI_REGION)
                .unsupported("GetReputationEntity", V2Unsupported.REPUTATION)
                .sync("GetSuppressedDestination", resources::getSuppressed)
                .unsupported("GetTenant", V2Unsupported.TENANTS)
                .sync("ListConfigurationSets", sets::list)
                .sync("ListContactLists", contacts::listLists)
                .sync("ListContacts", contacts::listContacts)
                .sync("ListCustomVerificationEmailTemplates", templates::listCustom)
                .sync("ListDedicatedIpPools", resources::listPools)
                .unsupported("ListDeliverabilityTestReports", V2Unsupported.DELIVERABILITY)
                .unsupported("ListDomainDeliverabilityCampaigns", V2Unsupported.DELIVERABILITY)
                .sync("ListEmailIdentities", identities::list)
                .sync("ListEmailTemplates", templates::list)
                .unsupported("ListExportJobs", V2Unsupported.S3)
                .unsupported("ListImportJobs", V2Unsupported.S3)
                .unsupported("ListMultiRegionEndpoints", V2Unsupported.MULTI_REGION)
                .sync("ListRecommendations", resources::recommendations)
                .unsupported("ListReputationEntities", V2Unsupported.REPUTATION)
                .unsupported("ListResourceTenants", V2Unsupported.TENANTS)
                .sync("ListSuppressedDestinations", resources::listSuppressed)
                .sync("ListTagsForResource", resources::listTags)
                .unsupported("ListTenantResources", V2Unsupported.TENANTS)
                .unsupported("ListTenants", V2Unsupported.TENANTS)
                .sync("PutAccountDedicatedIpWarmupAttributes", sending::putWarmup)
                .sync("PutAccountDetails", sending::putDetails)
                .sync("PutAccountSendingAttributes", sending::putSending)
                .sync("PutAccountSuppressionAttributes", sending::putSuppression)
                .sync("PutAccountVdmAttributes", sending::putVdm)
                .sync("PutConfigurationSetArchivingOptions", sets::archiving)
                .sync("PutConfigurationSetDeliveryOptions", sets::delivery)
                .sync("PutConfigurationSetReputationOptions", sets::reputation)
                .sync("PutConfigurationSetSendingOptions", sets::sending)
                .sync("PutConfigurationSetSuppressionOptions", sets::suppression)
                .sync("PutConfigurationSetTrackingOptions", sets::tracking)
                .sync("PutConfigurationSetVdmOptions", sets::vdm)
                .sync("PutDedicatedIpInPool", resources::unknownIp)
                .sync("PutDedicatedIpPoolScalingAttributes", resources::poolScaling)
                .sync("PutDedicatedIpWarmupAttributes", resources::unknownIp)
                .sync("PutDeliverabilityDashboardOption", resources::putDashboard)
                .sync("PutEmailIdentityConfigurationSetAttributes", identities::configurationSet)
                .sync("PutEmailIdentityDkimAttributes", identities::dkim)
                .sync("PutEmailIdentityDkimSigningAttributes", identities::dkimSigning)
                .sync("PutEmailIdentityFeedbackAttributes", identities::feedback)
                .sync("PutEmailIdentityMailFromAttributes", identities::mailFrom)
                .sync("PutSuppressedDestination", resources::putSuppressed)
                .sync("SendBulkEmail", sending::sendBulkEmail)
                .sync("SendCustomVerificationEmail", templates::sendCustom)
                .sync("SendEmail", sending::sendEmail)
                .sync("TagResource", resources::tag)
                .sync("TestRenderEmailTemplate", templates::testRender)
                .sync("UntagResource", resources::untag)
                .sync("UpdateConfigurationSetEventDestination", sets::updateDestination)
                .sync("UpdateContact", contacts::updateContact)
                .sync("UpdateContactList", contacts::updateList)
                .sync("UpdateCustomVerificationEmailTemplate", templates::updateCustom)
                .sync("UpdateEmailIdentityPolicy", identities::updatePolicy)
                .sync("UpdateEmailTemplate", templates::update)
                .unsupported("UpdateReputationEntityCustomerManagedStatus", V2Unsupported.REPUTATION)
                .unsupported("UpdateReputationEntityPolicy", V2Unsupported.REPUTATION)
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

    @Override
    public void reset() {
        state.clear();
    }
}
