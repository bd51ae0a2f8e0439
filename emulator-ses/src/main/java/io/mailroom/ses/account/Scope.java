package io.mailroom.ses.account;

import io.mailroom.core.request.RequestContext;

/** SES resources live per account and region. */
public record Scope(String accountId, String region) {
    public static Scope of(RequestContext ctx) {
        return new Scope(ctx.accountId(), ctx.region());
    }

    /** {@code arn:aws:ses:region:account:resource}. */
    public String arn(String resource) {
        return "arn:aws:ses:" + region + ":" + accountId + ":" + resource;
    }
}
