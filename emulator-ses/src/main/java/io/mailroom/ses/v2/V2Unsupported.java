package io.mailroom.ses.v2;

import io.mailroom.core.service.OperationTable;

/** v2 operations that depend on AWS-side infrastructure or analytics this server does not have. */
public final class V2Unsupported {
    private static final String METRICS = "Mailroom keeps send counters (GetSendStatistics) but not the VDM/"
            + "CloudWatch metric store behind this operation";
    private static final String S3 = "Import and export jobs read and write S3 objects; Mailroom SES has no S3";
    private static final String DELIVERABILITY = "Deliverability Dashboard reports come from AWS's inbox-placement"
            + " panel and blocklist monitoring, which do not exist locally";
    private static final String INSIGHTS = "Message and address insights are built from recipient ISP data that"
            + " does not exist locally";
    private static final String MULTI_REGION = "Multi-region endpoints route sends across AWS Regions; a local"
            + " server is a single endpoint";
    private static final String TENANTS = "SES tenants are not emulated yet";
    private static final String REPUTATION = "Reputation entities are computed by AWS's reputation analysis, which"
            + " does not exist locally";

    private V2Unsupported() {
    }

    public static void register(OperationTable.Builder t) {
        t.unsupported("BatchGetMetricData", METRICS);
        for (String op : new String[] {"CreateExportJob", "GetExportJob", "ListExportJobs", "CancelExportJob",
                "CreateImportJob", "GetImportJob", "ListImportJobs"}) {
            t.unsupported(op, S3);
        }
        for (String op : new String[] {"CreateDeliverabilityTestReport", "GetDeliverabilityTestReport",
                "ListDeliverabilityTestReports", "GetBlacklistReports", "GetDomainDeliverabilityCampaign",
                "GetDomainStatisticsReport", "ListDomainDeliverabilityCampaigns"}) {
            t.unsupported(op, DELIVERABILITY);
        }
        t.unsupported("GetEmailAddressInsights", INSIGHTS).unsupported("GetMessageInsights", INSIGHTS);
        for (String op : new String[] {"CreateMultiRegionEndpoint", "DeleteMultiRegionEndpoint",
                "GetMultiRegionEndpoint", "ListMultiRegionEndpoints"}) {
            t.unsupported(op, MULTI_REGION);
        }
        for (String op : new String[] {"CreateTenant", "DeleteTenant", "GetTenant", "ListTenants",
                "CreateTenantResourceAssociation", "DeleteTenantResourceAssociation", "ListResourceTenants",
                "ListTenantResources"}) {
            t.unsupported(op, TENANTS);
        }
        for (String op : new String[] {"GetReputationEntity", "ListReputationEntities",
                "UpdateReputationEntityCustomerManagedStatus", "UpdateReputationEntityPolicy"}) {
            t.unsupported(op, REPUTATION);
        }
    }
}
