package io.mailroom.http.dispatch;

import io.mailroom.core.request.AccountId;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * What the SigV4 credential scope says about the caller:
 * {@code Credential=AKID/20260101/us-east-1/sqs/aws4_request} in the Authorization header, or the
 * {@code X-Amz-Credential} query parameter of a presigned request. Signatures are not checked.
 */
record CallerIdentity(String accessKey, String region, String service) {
    static final CallerIdentity ANONYMOUS = new CallerIdentity(null, null, null);

    static CallerIdentity of(HttpHeaders headers, Map<String, List<String>> query) {
        String scope = null;
        String authorization = headers.get("Authorization");
        if (authorization != null) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                int end = authorization.indexOf(',', at);
                scope = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end).trim();
            }
        } else {
            List<String> credential = query.get("X-Amz-Credential");
            if (credential != null && !credential.isEmpty()) {
                scope = credential.get(0);
            }
        }
        if (scope == null) {
            return ANONYMOUS;
        }
        // AKID/date/region/service/aws4_request, read in place: this runs for every request.
        int key = scope.indexOf('/');
        if (key < 0) {
            return new CallerIdentity(scope, null, null);
        }
        int date = scope.indexOf('/', key + 1);
        int region = date < 0 ? -1 : scope.indexOf('/', date + 1);
        int service = region < 0 ? -1 : scope.indexOf('/', region + 1);
        return new CallerIdentity(scope.substring(0, key),
                date < 0 ? null : part(scope, date + 1, region < 0 ? scope.length() : region),
                region < 0 ? null : part(scope, region + 1, service < 0 ? scope.length() : service));
    }

    private static String part(String scope, int from, int to) {
        return from < to ? scope.substring(from, to) : null;
    }

    /** A 12-digit access key selects that account, as a convenience for multi-account tests. */
    String accountOr(String defaultAccount) {
        return AccountId.isValid(accessKey) ? accessKey : defaultAccount;
    }
}
