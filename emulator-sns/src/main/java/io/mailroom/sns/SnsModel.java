package io.mailroom.sns;

import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;

/** The SNS service model (Query protocol), bundled without documentation and loaded once. */
public final class SnsModel {
    public static final ServiceModel MODEL = ModelLoader.fromResource(SnsModel.class, "sns-2010-03-31.json");

    private SnsModel() {
    }
}
