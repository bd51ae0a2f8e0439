package io.mailroom.core.model;

/**
 * A reference to a shape from a structure member, list member or map key/value, with the
 * serialization traits the reference carries.
 *
 * @param name         member name (canonical tree key); for list members and map keys/values, the role
 * @param shape        the target shape
 * @param locationName wire name override (Query/XML element name, REST header/uri/querystring name), or null
 * @param location     REST binding: null (body), "header", "headers", "uri", "querystring", "statusCode"
 * @param flattened    Query/XML flattened list or map (on the reference or the target shape)
 * @param xmlAttribute rendered as an XML attribute
 * @param payload      the REST body is this member alone
 */
public record Member(String name, Shape shape, String locationName, String location,
                     boolean flattened, boolean xmlAttribute, boolean payload) {

    /** The name on the wire: the location name when the model gives one, else the member name. */
    public String wireName() {
        return locationName != null ? locationName : name;
    }

    public boolean isFlattened() {
        return flattened || shape.flattened();
    }
}
