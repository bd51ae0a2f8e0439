package io.mailroom.ses;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.OperationTable;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.ses.api.SesErrors;
import io.mailroom.ses.sending.Sender;
import io.mailroom.ses.template.CustomVerification;
import java.util.Optional;

/** Amazon SES API v2 (REST-JSON, version 2019-09-27, paths under {@code /v2/email}); SigV4 scope {@code ses}. */
public final class SesV2Service implements AwsService {
    public static final String SIGNING_NAME = "ses";

    private final SesState state;
    private final OperationTable operations;
    private final ServiceDescriptor descriptor;

    SesV2Service(SesState state, Sender sender, CustomVerification verification) {
        this.state = state;
        OperationTable.Builder t = OperationTable.builder();
        this.operations = t.build();
        this.descriptor = new ServiceDescriptor(SIGNING_NAME, Optional.of(SesModels.V2), Optional.empty(), null,
                SesErrors.V2);
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
