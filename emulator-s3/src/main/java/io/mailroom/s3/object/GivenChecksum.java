package io.mailroom.s3.object;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.S3Model;
import io.mailroom.s3.api.Input;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code x-amz-checksum-<algorithm>} a request states for its body, to be verified against the bytes S3
 * received (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html).
 *
 * @param value base64, as on the wire
 */
public record GivenChecksum(ChecksumAlgorithm algorithm, String value) {

    /** Every algorithm the model names, those this server does not compute (SHA512, XXHASH64...) too. */
    private static final List<String> ALGORITHMS = S3Model.MODEL.shape("ChecksumAlgorithm").enumValues();

    /** The checksum an operation's input states in its {@code Checksum<ALGORITHM>} members, or null. */
    public static GivenChecksum inInput(JsonNode input) {
        return of(algorithm -> Input.text(input, "Checksum" + algorithm));
    }

    /** The checksum a request states in its {@code x-amz-checksum-<algorithm>} headers, or null. */
    public static GivenChecksum inHeaders(Function<String, String> header) {
        return of(algorithm -> header.apply("x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT)));
    }

    /**
     * The one checksum stated, by algorithm name; null when there is none, or it is of an algorithm this server
     * does not compute. S3 takes one checksum per request: two are InvalidRequest, whichever they are.
     */
    private static GivenChecksum of(Function<String, String> valueOf) {
        GivenChecksum found = null;
        int stated = 0;
        for (String name : ALGORITHMS) {
            String given = valueOf.apply(name);
            if (given == null) {
                continue;
            }
            if (++stated > 1) {
                throw S3Errors.INVALID_REQUEST.exception("Expecting a single x-amz-checksum- header. Multiple checksum"
                        + " Types are not allowed.");
            }
            ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(name);
            found = algorithm == null ? null : new GivenChecksum(algorithm, given.trim());
        }
        return found;
    }

    /** BadDigest unless {@code body} has this checksum. */
    public void verify(byte[] body) {
        if (!algorithm.compute(body).equals(value)) {
            throw S3Errors.BAD_DIGEST.exception("The %s you specified did not match the calculated checksum.",
                    algorithm.name());
        }
    }
}
