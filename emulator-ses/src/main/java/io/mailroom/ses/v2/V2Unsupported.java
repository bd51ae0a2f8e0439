package io.mailroom.ses.v2;

/**
 * Why some v2 operations are unsupported: they depend on AWS-side infrastructure or analytics this server
 * does not have. SesV2Service's operation table gives each such operation one of these reasons.
 */
public final class V2Unsupported {
    public static final String METRICS = "Mailroom keeps send counters (GetSendStatistics) but not the VDM/"
            + "CloudWatch metric store behind this operation";
    public static final String S3 = "Import and export jobs (suppression and contact lists read from S3, message"
            + " insights and metrics written to S3) are not emulated yet";
    public static final String DELIVERABILITY = "Deliverability Dashboard reports come from AWS's inbox-placement"
            + " panel and blocklist monitoring, which do not exist locally";
    public static final String INSIGHTS = "Message and address insights are built from recipient ISP data that"
            + " does not exist locally";
    public static final String MULTI_REGION = "Multi-region endpoints route sends across AWS Regions; a local"
            + " server is a single endpoint";
    public static final String TENANTS = "SES tenants are not emulated yet";
    public static final String REPUTATION = "Reputation entities are computed by AWS's reputation analysis, which"
            + " does not exist locally";

    private V2Unsupported() {
    }
}
