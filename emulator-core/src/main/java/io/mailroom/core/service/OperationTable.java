package io.mailroom.core.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A service's index: one entry per AWS operation name. */
public final class OperationTable {
    private final Map<String, Handler> handlers;

    private OperationTable(Map<String, Handler> handlers) {
        this.handlers = Collections.unmodifiableMap(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Handler> find(String operation) {
        return Optional.ofNullable(handlers.get(operation));
    }

    public Map<String, Handler> all() {
        return handlers;
    }

    public static final class Builder {
        private final Map<String, Handler> handlers = new LinkedHashMap<>();

        public Builder sync(String operation, Handler.Sync handler) {
            return put(operation, handler);
        }

        public Builder async(String operation, Handler.Async handler) {
            return put(operation, handler);
        }

        public Builder unsupported(String operation, String reason) {
            return put(operation, new Handler.Unsupported(reason));
        }

        private Builder put(String operation, Handler handler) {
            if (handlers.putIfAbsent(operation, handler) != null) {
                throw new IllegalStateException("operation listed twice: " + operation);
            }
            return this;
        }

        public OperationTable build() {
            return new OperationTable(new LinkedHashMap<>(handlers));
        }
    }
}
