package io.mailroom.protocol;

/**
 * Where a value sits in a request's input, as error messages name it ({@code Entries.member.Id},
 * {@code MessageAttributes.color.DataType}): the segments joined with dots. Validation walks every member
 * of every request but names one only when it fails, so the text is put together only then.
 */
public record InputPath(InputPath parent, String segment) {
    /** The input itself; its members' paths are their bare names. */
    public static final InputPath ROOT = new InputPath(null, "");

    public InputPath child(String name) {
        return new InputPath(this, name);
    }

    /** A list's elements are all named {@code member}, as in the Query protocol. */
    public InputPath listMember() {
        return child("member");
    }

    @Override
    public String toString() {
        if (parent == null) {
            return segment;
        }
        if (parent.parent == null) {
            return segment;
        }
        return parent + "." + segment;
    }

    /** The path with each name's first letter in lower case, as AWS's request validation names members. */
    public String lowerCamel() {
        String name = segment.isEmpty() ? segment : Character.toLowerCase(segment.charAt(0)) + segment.substring(1);
        if (parent == null || parent.parent == null) {
            return name;
        }
        return parent.lowerCamel() + "." + name;
    }
}
