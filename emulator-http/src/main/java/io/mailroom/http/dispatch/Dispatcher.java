package io.mailroom.http.dispatch;

import io.mailroom.protocol.Canonical;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.core.model.OperationModel;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.Handler;
import io.mailroom.core.time.Clock;
import io.mailroom.http.internal.InternalEndpoint;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.MediaType;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.protocol.query.QueryDecoder;
import io.mailroom.protocol.rest.AwsChunkedBody;
import io.mailroom.protocol.rest.CrossOriginCodec;
import io.mailroom.protocol.rest.PathSegment;
import io.mailroom.protocol.rest.PostObjectCodec;
import io.mailroom.protocol.rest.RestJsonCodec;
import io.mailroom.protocol.rest.RestXmlCodec;
import io.mailroom.protocol.rest.RestRouter;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.CorsOperations;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the service and operation a request addresses, decodes it with that protocol, runs the
 * operation and encodes the answer or the error in the same protocol. Knows nothing of sockets.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_QUERY_PARAMS = 10_000;
    /** Cached with its hash, as Netty's own header names are: every request is asked for it. */
    private static final AsciiString TRACE_HEADER = AsciiString.cached("x-amzn-trace-id");
    /** POST Object is in no SDK model: the service answers it by name, and its form is checked by the service. */
    private static final OperationModel POST_OBJECT = new OperationModel(PostObjectCodec.OPERATION, null, null, null,
            "POST", "/{Bucket}", 204, List.of(), false);
    /** Nor is OPTIONS object, a browser's preflight, answered by the bucket's CORS configuration. */
    private static final OperationModel OPTIONS_OBJECT = new OperationModel(CorsOperations.OPTIONS_OBJECT, null, null,
            null, "OPTIONS", "/{Bucket}/{Key+}", 200, List.of(), false);

    private static final ErrorCode BAD_REST_REQUEST = ErrorCode.sender("BadRequestException", 400);

    private final Map<String, ServiceBinding> byTargetPrefix = new HashMap<>();
    private final Map<String, ServiceBinding> bySigningName = new HashMap<>();
    private final Map<String, List<ServiceBinding>> byAction = new HashMap<>();
    private final List<RestService> restServices = new ArrayList<>();
    private RestService objectStore;
    private final List<InternalEndpoint> internalEndpoints;
    private final DispatchSettings settings;
    private final Clock clock;

    public Dispatcher(List<AwsService> services, List<InternalEndpoint> internalEndpoints, DispatchSettings settings,
                      Clock clock) {
        this.internalEndpoints = List.copyOf(internalEndpoints);
        this.settings = settings;
        this.clock = clock;
        for (AwsService service : services) {
            ServiceBinding binding = new ServiceBinding(service);
            ServiceModel json = binding.jsonModel();
            if (json != null && json.targetPrefix() != null) {
                byTargetPrefix.put(json.targetPrefix(), binding);
            }
            if (json != null && "rest-json".equals(json.protocol())) {
                restServices.add(new RestService(binding, new RestRouter(json)));
            }
            if (json != null && "rest-xml".equals(json.protocol())) {
                objectStore = new RestService(binding, new RestRouter(json));
            }
            ServiceModel query = binding.queryModel();
            if (query != null) {
                // Query requests are told apart by the SigV4 scope; a REST sibling may share the name (SES v2).
                bySigningName.put(binding.descriptor().signingName(), binding);
                bySigningName.putIfAbsent(query.signingName(), binding);
                for (String action : query.operations().keySet()) {
                    byAction.computeIfAbsent(action, k -> new ArrayList<>(1)).add(binding);
                }
            }
        }
    }

    /** The answer, possibly later; cancel it when the client goes away. Never completes exceptionally. */
    public CompletableFuture<Reply> dispatch(FullHttpRequest request) {
        CompletableFuture<Reply> reply = route(request);
        if (!request.headers().contains(HttpHeaderNames.ORIGIN)) {
            return reply;
        }
        CompletableFuture<Reply> readable = reply.thenApply(CrossOrigin::readable);
        readable.whenComplete((r, failure) -> {
            if (readable.isCancelled()) {
                reply.cancel(false); // a parked long poll is released when its client goes away
            }
        });
        return readable;
    }

    private CompletableFuture<Reply> route(FullHttpRequest request) {
        long started = System.nanoTime();
        AwsException refused = HttpConformance.refusal(request);
        if (refused != null) {
            return CompletableFuture.completedFuture(refusedBeforeRouting(request, refused, started));
        }
        if (!RequestTarget.isOriginForm(request.uri())) {
            RequestTarget.toOriginForm(request);
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8, true, MAX_QUERY_PARAMS);
        try {
            uri.path(); // decoded here, so that a malformed %-escape is answered rather than thrown
            uri.parameters();
        } catch (IllegalArgumentException malformed) {
            return CompletableFuture.completedFuture(malformedQueryString(request, malformed, started));
        }
        CallerIdentity caller = CallerIdentity.of(request.headers(), uri.parameters());
        RequestContext ctx = new RequestContext(caller.accountOr(settings.defaultAccount()),
                caller.region() != null ? caller.region() : settings.defaultRegion(),
                RequestIds.next(), endpoint(request), request.headers().get(TRACE_HEADER));
        String path = uri.path();
        for (InternalEndpoint endpoint : internalEndpoints) {
            if (endpoint.matches(request, path)) {
                if (endpoint instanceof MadeOnFirstUse deferred && !deferred.made()) {
                    // Should making fail, the endpoint meets the same failure and answers it as any other. The
                    // caller releases the request when this returns; the endpoint reads it later, so it keeps its own.
                    FullHttpRequest kept = request.retainedDuplicate();
                    return deferred.madeOffThisThread().handle((made, failure) -> {
                        try {
                            return runInternal(endpoint, kept, uri, ctx, started);
                        } finally {
                            kept.release();
                        }
                    });
                }
                return CompletableFuture.completedFuture(runInternal(endpoint, request, uri, ctx, started));
            }
        }
        if (HttpMethod.OPTIONS.equals(request.method())) {
            if (CrossOrigin.addressesDeveloperEndpoint(path)) {
                return CompletableFuture.completedFuture(logged(new Reply(CrossOrigin.preflight(request),
                        ctx.requestId()), request, "preflight", started));
            }
            String bucket = VirtualHost.bucket(request.headers().get(HttpHeaderNames.HOST));
            if (objectStore != null && !addressesCorsEnabledService(bucket, path)) {
                return bucketPreflight(request, bucket == null ? path : "/" + bucket + path, ctx, started);
            }
            if (CrossOrigin.isPreflight(request)) {
                return CompletableFuture.completedFuture(logged(new Reply(CrossOrigin.preflight(request),
                        ctx.requestId()), request, "preflight", started));
            }
        }
        String target = request.headers().get("X-Amz-Target");
        if (target != null) {
            return dispatchJson(request, target, ctx, started);
        }
        for (RestService rest : restServices) {
            if (rest.router().mayServe(path)) {
                return dispatchRest(rest, request, uri, ctx, started);
            }
        }
        // A host name alone does not make a request S3's: LocalStack's service host names
        // (sqs.us-east-1.localhost.localstack.cloud) look like buckets, and SDK v1 sends SQS calls to the queue URL's host.
        if (objectStore != null && addressesObjectStore(request, uri, caller)) {
            String bucket = VirtualHost.bucket(request.headers().get(HttpHeaderNames.HOST));
            // Routes decode each segment themselves: a decoded path would decode a key's '%' twice.
            String raw = uri.rawPath();
            String objectPath = bucket == null ? bucketPath(raw) : "/".equals(raw) ? "/" + bucket : "/" + bucket + raw;
            RequestContext s3 = new RequestContext(ctx.accountId(), ctx.region(), RequestIds.nextObjectStore(),
                    ctx.endpoint(), ctx.traceHeader());
            CompletableFuture<Reply> reply = dispatchRestXml(objectStore, request, uri, objectPath, s3, started);
            return request.headers().contains(HttpHeaderNames.ORIGIN)
                    ? reply.thenApply(r -> withBucketCors(r, request, objectPath, s3)) : reply;
        }
        return dispatchQuery(request, uri, caller, ctx, started);
    }

    /**
     * Whether an OPTIONS request asks SQS, SNS or SES (the root or a queue URL, a REST service's path; addressed
     * path-style or by a service's own host name), which allow any origin, rather than a bucket.
     */
    private boolean addressesCorsEnabledService(String hostBucket, String path) {
        return (hostBucket == null || CrossOrigin.isServiceHostName(hostBucket))
                && (CrossOrigin.addressesCorsEnabledService(path)
                || restServices.stream().anyMatch(rest -> rest.router().mayServe(path)));
    }

    /** A browser's preflight to S3 (or any OPTIONS request there), answered by the bucket's CORS configuration. */
    private CompletableFuture<Reply> bucketPreflight(FullHttpRequest request, String objectPath, RequestContext ctx,
                                                     long started) {
        ObjectPath target = ObjectPath.of(objectPath);
        ObjectNode input = CrossOriginCodec.decode(target.bucket(), target.key(), request.method().name(),
                request.headers()::get);
        RequestContext s3 = new RequestContext(ctx.accountId(), ctx.region(), RequestIds.nextObjectStore(),
                ctx.endpoint(), ctx.traceHeader());
        return invoke(objectStore.binding(), OPTIONS_OBJECT, input, new WireFormat.BucketPreflight(), s3, request,
                started);
    }

    /** An S3 answer to a request with an Origin, with the headers the bucket's CORS configuration grants it. */
    private Reply withBucketCors(Reply reply, FullHttpRequest request, String objectPath, RequestContext ctx) {
        ServiceBinding binding = objectStore.binding();
        if (binding.service() instanceof MadeOnFirstUse deferred && !deferred.made()
                || !(binding.service().operations().find(CorsOperations.CROSS_ORIGIN_HEADERS).orElse(null)
                        instanceof Handler.Sync sync)) {
            return reply; // no bucket exists yet
        }
        ObjectNode input = CrossOriginCodec.decode(ObjectPath.of(objectPath).bucket(), null, request.method().name(),
                request.headers()::get);
        try {
            JsonNode granted = sync.handle(ctx, input);
            return new Reply(CrossOriginCodec.withGranted(reply.response(), granted), reply.requestId());
        } catch (RuntimeException e) {
            LOG.error("request {}: judging its Origin failed unexpectedly", reply.requestId(), e);
            return reply;
        }
    }

    private WireFormat objectStoreFormat(boolean head) {
        ServiceModel model = objectStore.binding().jsonModel();
        return new WireFormat.RestXml(model.xmlNamespace() != null ? model.xmlNamespace()
                : "http://s3.amazonaws.com/doc/2006-03-01/", head);
    }

    /**
     * S3 requests are signed for {@code s3}, or for {@code s3express} where the SDKs address a directory bucket
     * (a name ending {@code --x-s3}; they open with CreateSession); unsigned ones (a browser, curl) are told
     * from Query requests by having no {@code Action}.
     */
    private static boolean addressesObjectStore(FullHttpRequest request, QueryStringDecoder uri, CallerIdentity caller) {
        if (caller.service() != null) {
            return "s3".equals(caller.service()) || "s3express".equals(caller.service());
        }
        // A browser-based upload (POST Object) is an unsigned multipart form; Query requests are url-encoded.
        return (!"POST".equals(request.method().name()) || isMultipartForm(request))
                && !uri.parameters().containsKey("Action");
    }

    /**
     * {@code /bucket/} is the bucket, as {@code /bucket} is: an object key is never empty. The AWS SDK for
     * JavaScript v3 addresses buckets that way in path style (CreateBucket is {@code PUT /bucket/}).
     */
    private static String bucketPath(String path) {
        int slash = path.indexOf('/', 1);
        return slash > 1 && slash == path.length() - 1 ? path.substring(0, slash) : path;
    }

    private static boolean isMultipartForm(FullHttpRequest request) {
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        return MediaType.is(type, "multipart/form-data");
    }

    private CompletableFuture<Reply> dispatchRestXml(RestService rest, FullHttpRequest request, QueryStringDecoder uri,
                                                     String path, RequestContext ctx, long started) {
        WireFormat format = objectStoreFormat("HEAD".equals(request.method().name()));
        try {
            PresignedExpiry.check(uri.parameters(), clock.millis());
            RestRouter.Match match = rest.router().find(request.method().name(), path, uri.parameters(),
                    request.headers()::get);
            if (match == null) {
                String bucket = ObjectPath.of(path).bucketAlone();
                if ("POST".equals(request.method().name()) && isMultipartForm(request) && bucket != null) {
                    refuseOversized(request);
                    ObjectNode input = PostObjectCodec.decode(rest.binding().jsonModel(), bucket,
                            HtmlFormDecoder.decode(request));
                    return invoke(rest.binding(), POST_OBJECT, input, new WireFormat.HtmlFormUpload(), ctx, request,
                            started);
                }
                throw CommonErrors.METHOD_NOT_ALLOWED.exception("The specified method is not allowed against this resource.");
            }
            UploadFraming.check(match.operation().name(), request.headers());
            byte[] body = bodyBytes(request);
            java.util.function.Function<String, String> header = request.headers()::get;
            if (AwsChunkedBody.applies(request.headers().get(HttpHeaderNames.CONTENT_ENCODING),
                    request.headers().get("x-amz-content-sha256"))) {
                AwsChunkedBody.Decoded decoded = AwsChunkedBody.decode(body);
                body = decoded.body();
                // Trailing checksums count as the headers they name, so the service verifies and keeps them.
                Map<String, String> trailers = decoded.trailers();
                header = name -> {
                    String value = request.headers().get(name);
                    return value != null ? value : trailers.get(name.toLowerCase(java.util.Locale.ROOT));
                };
            }
            DocumentDigest.verify(match.operation(), header, body);
            ObjectNode input = RestXmlCodec.decode(match.operation(), match.labels(), uri.parameters(),
                    header, request.headers(), body);
            return invoke(rest.binding(), match.operation(), input, format, ctx, request, started);
        } catch (PathSegment.Undecodable e) {
            AwsException invalid = S3Errors.INVALID_URI.exception("Couldn't parse the specified URI.")
                    .with("URI", uri.rawPath());
            return CompletableFuture.completedFuture(logged(
                    new Reply(format.error(invalid, ctx.requestId()), ctx.requestId()), request, path, started));
        } catch (AwsException e) {
            return CompletableFuture.completedFuture(logged(
                    new Reply(format.error(e, ctx.requestId()), ctx.requestId()), request, path, started));
        }
    }

    private CompletableFuture<Reply> dispatchRest(RestService rest, FullHttpRequest request, QueryStringDecoder uri,
                                                  RequestContext ctx, long started) {
        WireFormat format = new WireFormat.RestJson();
        try {
            RestRouter.Match match = findRestJson(rest, request, uri);
            if (match == null) {
                throw CommonErrors.UNKNOWN_OPERATION.exception("No operation matches %s %s.",
                        request.method().name(), uri.path());
            }
            ObjectNode input = RestJsonCodec.decode(match.operation(), match.labels(), uri.parameters(),
                    request.headers()::get, bodyBytes(request));
            return invoke(rest.binding(), match.operation(), input, format, ctx, request, started);
        } catch (AwsException e) {
            return CompletableFuture.completedFuture(logged(
                    new Reply(format.error(e, ctx.requestId()), ctx.requestId()), request, uri.path(), started));
        }
    }

    /** SES v2 answers a malformed request with BadRequestException; a path it cannot read is one. */
    private static RestRouter.Match findRestJson(RestService rest, FullHttpRequest request, QueryStringDecoder uri) {
        try {
            return rest.router().find(request.method().name(), uri.rawPath(), uri.parameters(), request.headers()::get);
        } catch (PathSegment.Undecodable e) {
            throw BAD_REST_REQUEST.exception("Couldn't parse the specified URI: %s.", e.getMessage());
        }
    }

    private static byte[] bodyBytes(FullHttpRequest request) {
        refuseOversized(request);
        ByteBuf body = request.content();
        byte[] bytes = new byte[body.readableBytes()];
        body.getBytes(body.readerIndex(), bytes);
        return bytes;
    }

    /** Every path reads the body through here or checks here first: an oversized request has none. */
    private static void refuseOversized(FullHttpRequest request) {
        if (request instanceof OversizedRequest oversized) {
            throw oversized.error();
        }
    }

    private Reply runInternal(InternalEndpoint endpoint, FullHttpRequest request, QueryStringDecoder uri,
                              RequestContext ctx, long started) {
        EncodedResponse response;
        try {
            refuseOversized(request);
            response = endpoint.handle(request, uri, ctx);
        } catch (AwsException e) {
            response = internalError(e);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("request {} failed unexpectedly", ctx.requestId(), e);
            response = internalError(CommonErrors.INTERNAL_FAILURE.exception("We encountered an internal error."));
        }
        return logged(new Reply(response, ctx.requestId()), request, "internal", started);
    }

    /** Developer endpoints answer errors in plain JSON: {@code {"code": ..., "message": ...}}. */
    private static EncodedResponse internalError(AwsException e) {
        ObjectNode body = Canonical.NODES.objectNode();
        body.put("code", e.error().code());
        body.put("message", e.getMessage());
        return new EncodedResponse(e.error().status(), "application/json", JsonCodec.encode(body), Map.of());
    }

    private CompletableFuture<Reply> dispatchJson(FullHttpRequest request, String target, RequestContext ctx,
                                                  long started) {
        int dot = target.lastIndexOf('.');
        ServiceBinding binding = dot < 0 ? null : byTargetPrefix.get(target.substring(0, dot));
        String operationName = dot < 0 ? target : target.substring(dot + 1);
        WireFormat format = binding == null ? new WireFormat.Json(null, null)
                : new WireFormat.Json(binding.jsonModel(), binding.descriptor().jsonErrorPrefix());
        OperationModel operation = binding == null ? null : binding.jsonModel().operations().get(operationName);
        if (operation == null) {
            AwsException e = CommonErrors.UNKNOWN_OPERATION.exception("Operation %s is not supported.", target);
            return CompletableFuture.completedFuture(logged(
                    new Reply(format.error(e, ctx.requestId()), ctx.requestId()), request, target, started));
        }
        ObjectNode input;
        try {
            byte[] bytes = bodyBytes(request);
            input = JsonCodec.decode(operation.input(), bytes, 0, bytes.length);
        } catch (AwsException e) {
            return CompletableFuture.completedFuture(logged(
                    new Reply(format.error(e, ctx.requestId()), ctx.requestId()), request, target, started));
        }
        return invoke(binding, operation, input, format, ctx, request, started);
    }

    private CompletableFuture<Reply> dispatchQuery(FullHttpRequest request, QueryStringDecoder uri,
                                                   CallerIdentity caller, RequestContext ctx, long started) {
        Map<String, List<String>> params;
        try {
            params = queryParams(request, uri);
        } catch (IllegalArgumentException malformed) {
            return CompletableFuture.completedFuture(malformedQueryString(request, malformed, started));
        }
        List<String> actions = params.get("Action");
        String action = actions == null || actions.isEmpty() ? null : actions.get(0);
        ServiceBinding binding = queryBinding(caller, action, uri.path());
        WireFormat format = new WireFormat.Query(binding == null ? null : binding.queryModel().xmlNamespace());
        try {
            refuseOversized(request);
            if (action == null || action.isEmpty()) {
                throw CommonErrors.MISSING_ACTION.exception("The request must contain the parameter Action.");
            }
            OperationModel operation = binding == null ? null : binding.queryModel().operations().get(action);
            if (operation == null) {
                throw CommonErrors.INVALID_ACTION.exception("The action %s is not valid for this endpoint.", action);
            }
            ObjectNode input = QueryDecoder.decode(operation.input(), params);
            LegacyQueueUrl.fill(operation, input, uri.path(), ctx);
            return invoke(binding, operation, input, format, ctx, request, started);
        } catch (AwsException e) {
            return CompletableFuture.completedFuture(logged(
                    new Reply(format.error(e, ctx.requestId()), ctx.requestId()), request, action, started));
        }
    }

    private ServiceBinding queryBinding(CallerIdentity caller, String action, String path) {
        if (caller.service() != null) {
            ServiceBinding bySigning = bySigningName.get(caller.service());
            if (bySigning != null && bySigning.queryModel() != null) {
                return bySigning;
            }
        }
        if (LegacyQueueUrl.looksLikeQueuePath(path)) {
            ServiceBinding sqs = bySigningName.get("sqs");
            if (sqs != null) {
                return sqs;
            }
        }
        List<ServiceBinding> candidates = action == null ? null : byAction.get(action);
        if (candidates != null && !candidates.isEmpty()) {
            return candidates.get(0);
        }
        ServiceBinding fallback = bySigningName.get("sqs");
        return fallback != null && fallback.queryModel() != null ? fallback : null;
    }

    private CompletableFuture<Reply> invoke(ServiceBinding binding, OperationModel operation, ObjectNode input,
                                            WireFormat format, RequestContext ctx, FullHttpRequest request,
                                            long started) {
        if (binding.service() instanceof MadeOnFirstUse deferred && !deferred.made()) {
            return invokeOnceMade(deferred, binding, operation, input, format, ctx, request, started);
        }
        // Only the debug log names the operation; most requests should not pay for the string.
        String label = LOG.isDebugEnabled() ? binding.descriptor().signingName() + "." + operation.name() : null;
        Handler handler = binding.service().operations().find(operation.name()).orElse(null);
        try {
            OperationModel constraints = binding.descriptor().validationModel().operations().get(operation.name());
            if (constraints != null && constraints.input() != null) {
                binding.validator().validate(constraints.input(), input);
            }
            if (handler instanceof Handler.Sync sync) {
                JsonNode output = sync.handle(ctx, input);
                return CompletableFuture.completedFuture(logged(
                        new Reply(format.success(operation, output, ctx.requestId()), ctx.requestId()),
                        request, label, started));
            }
            if (handler instanceof Handler.Async async) {
                CompletableFuture<ObjectNode> pending = async.handle(ctx, input);
                CompletableFuture<Reply> reply = pending.handle((output, failure) -> {
                    EncodedResponse response = failure == null
                            ? format.success(operation, output, ctx.requestId())
                            : failureResponse(format, failure, ctx);
                    return logged(new Reply(response, ctx.requestId()), request, label, started);
                });
                reply.whenComplete((r, e) -> {
                    if (reply.isCancelled()) {
                        pending.cancel(false);
                    }
                });
                return reply;
            }
            String reason = handler instanceof Handler.Unsupported unsupported ? unsupported.reason()
                    : "not emulated";
            throw format.unsupported(operation.name(), reason);
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError is a library on the embedding application's classpath older than Mailroom's (a
            // Jackson pinned by a framework, say): answered 500 and logged, so the test fails with a cause.
            return CompletableFuture.completedFuture(logged(
                    new Reply(failureResponse(format, e, ctx), ctx.requestId()), request, label, started));
        }
    }

    /**
     * Kept out of {@link #invoke}, whose size decides whether the JIT inlines it into every request's path.
     * Cancelling the answer (the client went away) reaches the operation, as {@link #dispatch} promises: a
     * long poll sent while the service was made is withdrawn, and one whose client left before is never run.
     * ({@code thenCompose} would not pass the cancellation on to the future it returns.)
     */
    private CompletableFuture<Reply> invokeOnceMade(MadeOnFirstUse deferred, ServiceBinding binding,
                                                    OperationModel operation, ObjectNode input, WireFormat format,
                                                    RequestContext ctx, FullHttpRequest request, long started) {
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        deferred.madeOffThisThread().whenComplete((made, failure) -> {
            if (answer.isDone()) {
                return; // cancelled while the service was made
            }
            CompletableFuture<Reply> reply = failure == null
                    ? invoke(binding, operation, input, format, ctx, request, started)
                    : CompletableFuture.completedFuture(logged(
                            new Reply(failureResponse(format, failure, ctx), ctx.requestId()),
                            request, operation.name(), started));
            reply.whenComplete((r, e) -> {
                if (r != null) {
                    answer.complete(r);
                } else {
                    answer.completeExceptionally(e);
                }
            });
            answer.whenComplete((r, e) -> {
                if (answer.isCancelled()) {
                    reply.cancel(false);
                }
            });
        });
        return answer;
    }

    private static EncodedResponse failureResponse(WireFormat format, Throwable failure, RequestContext ctx) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof AwsException aws) {
            return format.error(aws, ctx.requestId());
        }
        if (cause instanceof CancellationException) {
            return format.error(CommonErrors.INTERNAL_FAILURE.exception("The request was cancelled."), ctx.requestId());
        }
        return internalFailure(format, cause, ctx);
    }

    private static EncodedResponse internalFailure(WireFormat format, Throwable cause, RequestContext ctx) {
        LOG.error("request {} failed unexpectedly", ctx.requestId(), cause);
        return format.error(CommonErrors.INTERNAL_FAILURE.exception("We encountered an internal error. Please try again."),
                ctx.requestId());
    }

    private static Reply logged(Reply reply, FullHttpRequest request, String label, long started) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} -> {} in {} us [{}]", request.method(), request.uri(), label,
                    reply.response().status(), (System.nanoTime() - started) / 1000, reply.requestId());
        }
        return reply;
    }

    /**
     * A URI or form body with a malformed %-escape: AWS's Query APIs call that MalformedQueryString (404,
     * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html).
     */
    private Reply malformedQueryString(FullHttpRequest request, IllegalArgumentException malformed, long started) {
        String requestId = RequestIds.next();
        if (objectStore != null && S3Guess.of(request)) {
            // S3 calls a URI it cannot decode InvalidURI, 400, in its own shape.
            AwsException invalid = S3Errors.INVALID_URI.exception("Couldn't parse the specified URI.")
                    .with("URI", request.uri());
            return logged(new Reply(RestXmlCodec.error(invalid, requestId, HttpMethod.HEAD.equals(request.method())),
                    requestId), request, "malformed", started);
        }
        AwsException error = CommonErrors.MALFORMED_QUERY_STRING.exception("%s", malformed.getMessage());
        return logged(new Reply(new WireFormat.Query(null).error(error, requestId), requestId), request,
                "malformed", started);
    }

    /** A request HTTP itself refuses, answered as LastAnswer answers one Netty could not parse. */
    private Reply refusedBeforeRouting(FullHttpRequest request, AwsException refused, long started) {
        String requestId = RequestIds.next();
        WireFormat format = request.headers().contains("X-Amz-Target") ? new WireFormat.Json(null, null)
                : new WireFormat.Query(null);
        return logged(new Reply(format.error(refused, requestId), requestId), request, "refused", started);
    }

    private static Map<String, List<String>> queryParams(FullHttpRequest request, QueryStringDecoder uri) {
        Map<String, List<String>> fromUri = uri.parameters();
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        ByteBuf content = request.content();
        if (content.readableBytes() == 0
                || (contentType != null && !MediaType.is(contentType, "application/x-www-form-urlencoded"))) {
            return fromUri;
        }
        String body = content.toString(StandardCharsets.UTF_8);
        Map<String, List<String>> fromBody = new QueryStringDecoder(body, StandardCharsets.UTF_8, false,
                MAX_QUERY_PARAMS).parameters();
        if (fromUri.isEmpty()) {
            return fromBody;
        }
        Map<String, List<String>> merged = new LinkedHashMap<>(fromUri);
        merged.putAll(fromBody);
        return merged;
    }

    private String endpoint(FullHttpRequest request) {
        if (settings.publicBaseUrl() != null) {
            return settings.publicBaseUrl();
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        return "http://" + (host != null && !host.isEmpty() ? host : settings.fallbackHost());
    }

    private record RestService(ServiceBinding binding, RestRouter router) {
    }

    /** A finished answer with the request id it carries. */
    public record Reply(EncodedResponse response, String requestId) {
    }
}
