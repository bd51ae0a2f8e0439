package io.mailroom.sqs;

import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;

/** SQS's bundled models, read once per JVM: they never change, and every server shares them. */
public final class SqsModels {
    public static final ServiceModel JSON = ModelLoader.fromResource(SqsModels.class, SqsService.JSON_MODEL);
    public static final ServiceModel QUERY = ModelLoader.fromResource(SqsModels.class, SqsService.QUERY_MODEL);

    private SqsModels() {
    }
}
