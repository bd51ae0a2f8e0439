package io.mailroom.ses;

import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;

/** The SES v1 (Query) and v2 (REST-JSON) models, bundled without documentation and loaded once. */
public final class SesModels {
    public static final ServiceModel V1 = ModelLoader.fromResource(SesModels.class, "ses-2010-12-01.json");
    public static final ServiceModel V2 = ModelLoader.fromResource(SesModels.class, "sesv2-2019-09-27.json");

    private SesModels() {
    }
}
