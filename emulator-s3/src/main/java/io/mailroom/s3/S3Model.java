package io.mailroom.s3;

import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;

/** S3's bundled model, read once per JVM: it never changes, and every server shares it. */
public final class S3Model {
    public static final ServiceModel MODEL = ModelLoader.fromResource(S3Model.class, S3Service.MODEL);

    private S3Model() {
    }
}
