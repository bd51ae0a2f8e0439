package io.mailroom.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A shape of a service model. Shapes refer to each other (possibly recursively), so the loader
 * creates them first and fills them in a second pass; after loading they do not change.
 */
public final class Shape {
    private final String name;
    private ShapeType type;
    private Map<String, Member> members = Map.of();
    private Set<String> required = Set.of();
    private Member listMember;
    private Member mapKey;
    private Member mapValue;
    private boolean flattened;
    private String locationName;
    private List<String> enumValues = List.of();
    private Long min;
    private Long max;
    private String patternSource;
    /** Compiled on first use: few requests need it, and compiling every model pattern costs start-up. */
    private volatile Optional<Pattern> pattern;
    private String timestampFormat;
    private boolean exception;
    private ErrorTrait error;
    private boolean document;

    Shape(String name) {
        this.name = name;
    }

    /** The shape's name in the model; synthetic for inline shapes. */
    public String name() {
        return name;
    }

    public ShapeType type() {
        return type;
    }

    public Map<String, Member> members() {
        return members;
    }

    public Member member(String memberName) {
        return members.get(memberName);
    }

    public Set<String> required() {
        return required;
    }

    public Member listMember() {
        return listMember;
    }

    public Member mapKey() {
        return mapKey;
    }

    public Member mapValue() {
        return mapValue;
    }

    public boolean flattened() {
        return flattened;
    }

    public String locationName() {
        return locationName;
    }

    public List<String> enumValues() {
        return enumValues;
    }

    public Long min() {
        return min;
    }

    public Long max() {
        return max;
    }

    /** The model's pattern, or null when there is none or java.util.regex cannot compile it. */
    public Pattern pattern() {
        Optional<Pattern> compiled = pattern;
        if (compiled == null) {
            compiled = Optional.ofNullable(compile(patternSource));
            pattern = compiled;
        }
        return compiled.orElse(null);
    }

    /** The pattern as the model writes it, or null. */
    public String patternSource() {
        return patternSource;
    }

    private static Pattern compile(String source) {
        if (source == null) {
            return null;
        }
        try {
            return Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            // A few model patterns use syntax java.util.regex does not know; those are not enforced.
            return null;
        }
    }

    public String timestampFormat() {
        return timestampFormat;
    }

    public boolean isException() {
        return exception;
    }

    public ErrorTrait error() {
        return error;
    }

    /** A free-form JSON document (no fixed members). */
    public boolean isDocument() {
        return document;
    }

    void type(ShapeType type) {
        this.type = type;
    }

    void members(LinkedHashMap<String, Member> members) {
        this.members = Collections.unmodifiableMap(members);
    }

    void required(Set<String> required) {
        this.required = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(required));
    }

    void listMember(Member member) {
        this.listMember = member;
    }

    void mapEntry(Member key, Member value) {
        this.mapKey = key;
        this.mapValue = value;
    }

    void flattened(boolean flattened) {
        this.flattened = flattened;
    }

    void locationName(String locationName) {
        this.locationName = locationName;
    }

    void enumValues(List<String> values) {
        this.enumValues = List.copyOf(values);
    }

    void range(Long min, Long max) {
        this.min = min;
        this.max = max;
    }

    void pattern(String source) {
        this.patternSource = source;
        this.pattern = null;
    }

    void timestampFormat(String format) {
        this.timestampFormat = format;
    }

    void exception(boolean exception, ErrorTrait error) {
        this.exception = exception;
        this.error = error;
    }

    void document(boolean document) {
        this.document = document;
    }

    @Override
    public String toString() {
        return "Shape[" + name + ":" + type + "]";
    }
}
