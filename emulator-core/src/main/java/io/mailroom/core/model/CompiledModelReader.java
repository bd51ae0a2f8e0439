package io.mailroom.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads what {@link CompiledModelWriter} wrote: the same model {@link ModelLoader} builds from the JSON. */
public final class CompiledModelReader {
    private static final ShapeType[] TYPES = ShapeType.values();

    private final Input in;
    private String[] strings;
    private Shape[] shapes;

    private CompiledModelReader(byte[] bytes) {
        this.in = new Input(bytes);
    }

    public static ServiceModel read(InputStream in) throws IOException {
        try {
            return new CompiledModelReader(in.readAllBytes()).readModel();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IOException("truncated compiled model", e);
        }
    }

    private ServiceModel readModel() throws IOException {
        if (in.readInt() != CompiledModelWriter.MAGIC || in.readInt() != CompiledModelWriter.VERSION) {
            throw new IOException("not a compiled model of this version");
        }
        strings = new String[in.readInt()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = in.readString();
        }
        String serviceId = string();
        String protocol = string();
        String apiVersion = string();
        String endpointPrefix = string();
        String signingName = string();
        String targetPrefix = string();
        String jsonVersion = string();
        String xmlNamespace = string();
        boolean queryCompatible = in.readBoolean();
        shapes = new Shape[in.readInt()];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = new Shape(string());
        }
        for (Shape shape : shapes) {
            readShape(shape);
        }
        int named = in.readInt();
        Map<String, Shape> byName = new LinkedHashMap<>(named * 2);
        for (int i = 0; i < named; i++) {
            byName.put(string(), shapes[in.readInt()]);
        }
        int operationCount = in.readInt();
        Map<String, OperationModel> operations = new LinkedHashMap<>(operationCount * 2);
        for (int i = 0; i < operationCount; i++) {
            OperationModel op = readOperation();
            operations.put(op.name(), op);
        }
        return new ServiceModel(serviceId, protocol, apiVersion, endpointPrefix, signingName, targetPrefix,
                jsonVersion, xmlNamespace, queryCompatible, Collections.unmodifiableMap(operations),
                Collections.unmodifiableMap(byName));
    }

    private void readShape(Shape shape) throws IOException {
        shape.type(TYPES[in.readByte()]);
        shape.flattened(in.readBoolean());
        shape.document(in.readBoolean());
        shape.locationName(string());
        boolean exception = in.readBoolean();
        ErrorTrait error = in.readBoolean() ? new ErrorTrait(string(), in.readInt(), in.readBoolean()) : null;
        shape.exception(exception, error);
        int memberCount = in.readInt();
        if (memberCount > 0) {
            LinkedHashMap<String, Member> members = new LinkedHashMap<>(memberCount * 2);
            for (int i = 0; i < memberCount; i++) {
                Member m = readMember();
                members.put(m.name(), m);
            }
            shape.members(members);
        }
        int requiredCount = in.readInt();
        if (requiredCount > 0) {
            Set<String> required = new LinkedHashSet<>(requiredCount * 2);
            for (int i = 0; i < requiredCount; i++) {
                required.add(string());
            }
            shape.required(required);
        }
        if (in.readBoolean()) {
            shape.listMember(readMember());
        }
        if (in.readBoolean()) {
            shape.mapEntry(readMember(), readMember());
        }
        int enumCount = in.readInt();
        if (enumCount > 0) {
            List<String> values = new ArrayList<>(enumCount);
            for (int i = 0; i < enumCount; i++) {
                values.add(string());
            }
            shape.enumValues(values);
        }
        shape.range(readLong(), readLong());
        shape.pattern(string());
        shape.timestampFormat(string());
    }

    private Member readMember() throws IOException {
        return new Member(string(), shapes[in.readInt()], string(), string(), in.readBoolean(), in.readBoolean(),
                in.readBoolean());
    }

    private OperationModel readOperation() throws IOException {
        String name = string();
        int input = in.readInt();
        int output = in.readInt();
        String resultWrapper = string();
        String method = string();
        String uri = string();
        int successCode = in.readInt();
        int errorCount = in.readInt();
        String[] errors = new String[errorCount];
        for (int i = 0; i < errorCount; i++) {
            errors[i] = string();
        }
        return new OperationModel(name, input < 0 ? null : shapes[input], output < 0 ? null : shapes[output],
                resultWrapper, method, uri, successCode, List.of(errors), in.readBoolean());
    }

    private Long readLong() throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private String string() throws IOException {
        int index = in.readInt();
        return index < 0 ? null : strings[index];
    }

    /**
     * The bytes as {@link java.io.DataOutputStream} wrote them, read straight from an array: a data input
     * stream over a buffered stream costs a synchronized call per byte, which start-up would pay about a
     * hundred thousand times.
     */
    private static final class Input {
        private final byte[] bytes;
        private int position;

        Input(byte[] bytes) {
            this.bytes = bytes;
        }

        int readInt() {
            int p = position;
            position = p + 4;
            return (bytes[p] & 0xff) << 24 | (bytes[p + 1] & 0xff) << 16 | (bytes[p + 2] & 0xff) << 8 | bytes[p + 3] & 0xff;
        }

        long readLong() {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        byte readByte() {
            return bytes[position++];
        }

        boolean readBoolean() {
            return bytes[position++] != 0;
        }

        String readString() {
            int length = readInt();
            String s = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return s;
        }
    }
}
