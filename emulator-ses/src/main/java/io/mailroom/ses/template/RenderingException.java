package io.mailroom.ses.template;

/**
 * A template could not be rendered. SES distinguishes the causes: a tag with no value in the data
 * (MissingRenderingAttribute), data that is not a JSON object (InvalidRenderingParameter), and a template
 * that does not compile or uses a missing partial (InvalidTemplate).
 */
public final class RenderingException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind { MISSING_ATTRIBUTE, INVALID_DATA, INVALID_TEMPLATE }

    private final Kind kind;

    public RenderingException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
