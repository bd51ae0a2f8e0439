package io.mailroom.core.model;

/** The shape types of the AWS service models. */
public enum ShapeType {
    STRUCTURE, LIST, MAP, STRING, INTEGER, LONG, FLOAT, DOUBLE, BOOLEAN, BLOB, TIMESTAMP;

    static ShapeType of(String name) {
        return switch (name) {
            case "structure" -> STRUCTURE;
            case "list" -> LIST;
            case "map" -> MAP;
            case "string", "character" -> STRING;
            case "integer", "short", "byte" -> INTEGER;
            case "long", "bigInteger" -> LONG;
            case "float" -> FLOAT;
            case "double", "bigDecimal" -> DOUBLE;
            case "boolean" -> BOOLEAN;
            case "blob" -> BLOB;
            case "timestamp" -> TIMESTAMP;
            default -> throw new IllegalArgumentException("unknown shape type " + name);
        };
    }

    public boolean isScalar() {
        return this != STRUCTURE && this != LIST && this != MAP;
    }
}
