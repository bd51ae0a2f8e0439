package io.mailroom.ses;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.OperationTable;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.core.service.ValidationErrors;
import io.mailroom.ses.api.SesErrors;
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

    SesV2Service(SesState state, Sender sender, CustomVerification verification) {
        this.state = state;
        OperationTable.Builder t = OperationTable.builder();
        new V2Identities(state).register(t);
        new V2Sending(state, sender).register(t);
        new V2Templates(state, verification).register(t);
        new V2ConfigurationSets(state).register(t);
        new V2Contacts(state).register(t);
        new V2AccountResources(state).register(t);
        V2Unsupported.register(t);
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

    @Override
    public void reset() {
        state.clear();
    }
}
