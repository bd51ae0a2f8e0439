package io.mailroom.core.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a loaded model in the compact form {@link CompiledModelReader} reads back at start-up: every
 * string once in a table, shapes and strings referred to by index. Reading it needs no JSON parser and
 * allocates little, which takes most of the model reading out of the server's start-up time.
 */
public final class CompiledModelWriter {
    static final int MAGIC = 0x4d524d31; // "MRM1"
    static final int VERSION = 2;

    private final Map<String, Integer> strings = new HashMap<>();
    private final List<String> stringTable = new ArrayList<>();
    private final Map<Shape, Integer> shapeIds = new IdentityHashMap<>();
    private final List<Shape> shapes = new ArrayList<>();

    private CompiledModelWriter() {
    }

    public static void write(ServiceModel model, OutputStream target) throws IOException {
        new CompiledModelWriter().writeModel(model, target);
    }

    private void writeModel(ServiceModel model, OutputStream target) throws IOException {
        // Named shapes first, in model order, so their ids are stable; inline shapes as they are reached.
        model.shapes().values().forEach(this::shapeId);
        for (int i = 0; i < shapes.size(); i++) {
            collect(shapes.get(i));
        }
        for (OperationModel op : model.operations().values()) {
            if (op.input() != null) {
                shapeId(op.input());
            }
            if (op.output() != null) {
                shapeId(op.output());
            }
        }
        for (int i = 0; i < shapes.size(); i++) {
            collect(shapes.get(i));
        }
        // The body refers to strings by index; the table is written before it, so the body is built first.
        java.io.ByteArrayOutputStream bodyBytes = new java.io.ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(bodyBytes);
        writeMetadata(model, body);
        body.writeInt(shapes.size());
        for (Shape shape : shapes) {
            body.writeInt(string(shape.name()));
        }
        for (Shape shape : shapes) {
            writeShape(shape, body);
        }
        body.writeInt(model.shapes().size());
        for (Map.Entry<String, Shape> e : model.shapes().entrySet()) {
            body.writeInt(string(e.getKey()));
            body.writeInt(shapeIds.get(e.getValue()));
        }
        body.writeInt(model.operations().size());
        for (OperationModel op : model.operations().values()) {
            writeOperation(op, body);
        }
        body.flush();

        DataOutputStream out = new DataOutputStream(target);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(stringTable.size());
        for (String s : stringTable) {
            byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
        bodyBytes.writeTo(out);
        out.flush();
    }

    private void collect(Shape shape) {
        shape.members().values().forEach(m -> shapeId(m.shape()));
        if (shape.listMember() != null) {
            shapeId(shape.listMember().shape());
        }
        if (shape.mapKey() != null) {
            shapeId(shape.mapKey().shape());
            shapeId(shape.mapValue().shape());
        }
    }

    private int shapeId(Shape shape) {
        Integer id = shapeIds.get(shape);
        if (id == null) {
            id = shapes.size();
            shapeIds.put(shape, id);
            shapes.add(shape);
        }
        return id;
    }

    private void writeMetadata(ServiceModel model, DataOutputStream out) throws IOException {
        for (String s : new String[] {model.serviceId(), model.protocol(), model.apiVersion(), model.endpointPrefix(),
                model.signingName(), model.targetPrefix(), model.jsonVersion(), model.xmlNamespace()}) {
            out.writeInt(string(s));
        }
        out.writeBoolean(model.queryCompatible());
    }

    private void writeShape(Shape shape, DataOutputStream out) throws IOException {
        out.writeByte(shape.type().ordinal());
        out.writeBoolean(shape.flattened());
        out.writeBoolean(shape.isDocument());
        out.writeInt(string(shape.locationName()));
        out.writeBoolean(shape.isException());
        ErrorTrait error = shape.error();
        out.writeBoolean(error != null);
        if (error != null) {
            out.writeInt(string(error.code()));
            out.writeInt(error.httpStatusCode());
            out.writeBoolean(error.senderFault());
        }
        out.writeInt(shape.members().size());
        for (Member m : shape.members().values()) {
            writeMember(m, out);
        }
        out.writeInt(shape.required().size());
        for (String r : shape.required()) {
            out.writeInt(string(r));
        }
        out.writeBoolean(shape.listMember() != null);
        if (shape.listMember() != null) {
            writeMember(shape.listMember(), out);
        }
        out.writeBoolean(shape.mapKey() != null);
        if (shape.mapKey() != null) {
            writeMember(shape.mapKey(), out);
            writeMember(shape.mapValue(), out);
        }
        out.writeInt(shape.enumValues().size());
        for (String v : shape.enumValues()) {
            out.writeInt(string(v));
        }
        writeLong(shape.min(), out);
        writeLong(shape.max(), out);
        out.writeInt(string(shape.patternSource()));
        out.writeInt(string(shape.timestampFormat()));
    }

    private void writeMember(Member m, DataOutputStream out) throws IOException {
        out.writeInt(string(m.name()));
        out.writeInt(shapeIds.get(m.shape()));
        out.writeInt(string(m.locationName()));
        out.writeInt(string(m.location()));
        out.writeBoolean(m.flattened());
        out.writeBoolean(m.xmlAttribute());
        out.writeBoolean(m.payload());
    }

    private void writeOperation(OperationModel op, DataOutputStream out) throws IOException {
        out.writeInt(string(op.name()));
        out.writeInt(op.input() == null ? -1 : shapeIds.get(op.input()));
        out.writeInt(op.output() == null ? -1 : shapeIds.get(op.output()));
        out.writeInt(string(op.resultWrapper()));
        out.writeInt(string(op.httpMethod()));
        out.writeInt(string(op.requestUri()));
        out.writeInt(op.successCode());
        out.writeInt(op.errors().size());
        for (String e : op.errors()) {
            out.writeInt(string(e));
        }
        out.writeBoolean(op.deprecated());
    }

    private static void writeLong(Long value, DataOutputStream out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private int string(String s) {
        if (s == null) {
            return -1;
        }
        return strings.computeIfAbsent(s, k -> {
            stringTable.add(k);
            return stringTable.size() - 1;
        });
    }
}
