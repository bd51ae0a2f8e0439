package io.mailroom.protocol;

/**
 * Where a value sits in a request's input, as error messages name it ({@code Entries.member.Id},
 * {@code MessageAttributes.color.DataType}): the segments joined with dots. Validation walks every member
 * of every request but names one only when it fails, so the text is put together only then.
 *
 * @param position for a list element, its 1-based position; {@link #MAP_VALUE} for a map's value (whose
 *                 segment is the key); 0 otherwise. Only AWS's request validation wording shows these
 *                 ({@link #lowerCamel()}: {@code publishBatchRequestEntries.1.member.message},
 *                 {@code messageAttributes.attr1.member.dataType}).
 */
public record InputPath(InputPath parent, String segment, int position) {
    /** The input itself; its members' paths are their bare names. */
    public static final InputPath ROOT = new InputPath(null, "", 0);
    private static final int MAP_VALUE = -1;

    public InputPath child(String name) {
        return new InputPath(this, name, 0);
    }

    /** A list's elements are all named {@code member}, as in the Query protocol. */
    public InputPath listMember() {
        return child("member");
    }

    /** The list element at a 1-based position: {@code member}, and {@code N.member} in AWS's validation wording. */
    public InputPath listMember(int position) {
        return new InputPath(this, "member", position);
    }

    /** The value of a map under a key: the key, and {@code key.member} in AWS's validation wording. */
    public InputPath mapValue(String key) {
        return new InputPath(this, key, MAP_VALUE);
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

    /**
     * The path with each member name's first letter in lower case, list positions and map keys as they are,
     * as AWS's request validation names members.
     */
    public String lowerCamel() {
        String name;
        if (position > 0) {
            name = position + "." + segment;
        } else if (position == MAP_VALUE) {
            name = segment + ".member";
        } else {
            name = segment.isEmpty() ? segment : Character.toLowerCase(segment.charAt(0)) + segment.substring(1);
        }
        if (parent == null || parent.parent == null) {
            return name;
        }
        return parent.lowerCamel() + "." + name;
    }
}
