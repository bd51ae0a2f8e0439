package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.s3.S3Errors;
import java.util.Set;

/**
 * What a RestoreObject asks: how many days to keep the copy and the retrieval tier. Archive restores name the tier in
 * {@code GlacierJobParameters}; a top-level {@code Tier}, a missing or non-integer {@code Days} and an unknown tier
 * are MalformedXML, as S3 answers them; SELECT restores are not emulated.
 */
record RestoreRequest(int days, String tier) {
    private static final Set<String> TIERS = Set.of("Standard", "Bulk", "Expedited");

    static RestoreRequest of(JsonNode request) {
        if ("SELECT".equals(Input.text(request, "Type"))) {
            throw S3Errors.NOT_IMPLEMENTED.exception("A header you provided implies functionality that is not"
                    + " implemented (S3 Select restores)");
        }
        JsonNode days = request == null ? null : request.get("Days");
        if (days == null || request.has("Tier") || !(days.canConvertToInt() || isInt(days.asText()))) {
            throw Input.malformedXml();
        }
        String tier = Input.text(request.path("GlacierJobParameters"), "Tier");
        if (tier != null && !TIERS.contains(tier)) {
            throw Input.malformedXml();
        }
        int count = days.canConvertToInt() ? days.intValue() : Integer.parseInt(days.asText().trim());
        if (count < 1) {
            throw S3Errors.INVALID_ARGUMENT.exception("Days must be at least 1").with("ArgumentName", "Days")
                    .with("ArgumentValue", Integer.toString(count));
        }
        return new RestoreRequest(count, tier == null ? "Standard" : tier);
    }

    private static boolean isInt(String text) {
        try {
            Integer.parseInt(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
