package io.mailroom.s3.object;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code x-amz-checksum-<algorithm>} a request states for its body, to be verified against the bytes S3
 * received (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html).
 *
 * @param value base64, as on the wire
 */
public record GivenChecksum(ChecksumAlgorithm algorithm, String value) {

    /** The checksum an operation's input states in its {@code Checksum<ALGORITHM>} members, or null. */
    public static GivenChecksum inInput(JsonNode input) {
        return of(algorithm -> Input.text(input, algorithm.member()));
    }

    /** The checksum a request states in its {@code x-amz-checksum-<algorithm>} headers, or null. */
    public static GivenChecksum inHeaders(Function<String, String> header) {
        return of(algorithm -> header.apply("x-amz-checksum-" + algorithm.name().toLowerCase(Locale.ROOT)));
    }

    private static GivenChecksum of(Function<ChecksumAlgorithm, String> valueOf) {
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String given = valueOf.apply(a);
            if (given != null) {
                return new GivenChecksum(a, given.trim());
            }
        }
        return null;
    }

    /** BadDigest unless {@code body} has this checksum. */
    public void verify(byte[] body) {
        if (!algorithm.compute(body).equals(value)) {
            throw S3Errors.BAD_DIGEST.exception("The %s you specified did not match the calculated checksum.",
                    algorithm.name());
        }
    }
}
