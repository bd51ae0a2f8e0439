package io.mailroom.ses;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.OperationTable;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.ses.api.SesErrors;
import io.mailroom.ses.sending.Sender;
import io.mailroom.ses.template.CustomVerification;
import io.mailroom.ses.v1.V1ConfigurationSets;
import io.mailroom.ses.v1.V1Identities;
import io.mailroom.ses.v1.V1Receipt;
import io.mailroom.ses.v1.V1Sending;
import io.mailroom.ses.v1.V1Templates;
import java.util.Optional;

/**
 * Amazon SES API v1 (Query protocol, version 2010-12-01). Its SigV4 credential scope is {@code email}
 * (the service's endpoint prefix; the CLI and SDKs sign v1 requests for {@code email.<region>.amazonaws.com}
 * with it) — the front end should also accept {@code ses}, which the model's signingName names.
 */
public final class SesService implements AwsService {
    /** The credential-scope service name of v1 requests. */
    public static final String SIGNING_NAME = "email";
    /** What the front end needs to route to SES (v1), known before any instance exists. */
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor(SIGNING_NAME, Optional.empty(),
            Optional.of(SesModels.V1), null, SesErrors.V1);

    private final SesState state;
    private final OperationTable operations;
    private final ServiceDescriptor descriptor;

    SesService(SesState state, Sender sender, CustomVerification verification) {
        this.state = state;
        OperationTable.Builder t = OperationTable.builder();
        new V1Identities(state).register(t);
        new V1Sending(state, sender).register(t);
        new V1Templates(state, verification).register(t);
        new V1ConfigurationSets(state).register(t);
        new V1Receipt(state).register(t);
        this.operations = t.build();
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
