package io.mailroom.server;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.OperationTable;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.http.dispatch.MadeOnFirstUse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A service as the front end sees it before it exists: its descriptor (routing needs only the model) now,
 * the service itself on the first request it must answer. Resetting a service nobody used does nothing.
 */
final class DeferredService<S> implements AwsService, MadeOnFirstUse {
    private final ServiceDescriptor descriptor;
    private final OnFirstUse<S> owner;
    private final Function<S, AwsService> service;

    /**
     * @param owner   makes the object that holds the service (a module may hold several, as SES does)
     * @param service the service within it
     */
    DeferredService(ServiceDescriptor descriptor, OnFirstUse<S> owner, Function<S, AwsService> service) {
        this.descriptor = descriptor;
        this.owner = owner;
        this.service = service;
    }

    static <S extends AwsService> DeferredService<S> of(ServiceDescriptor descriptor, OnFirstUse<S> owner) {
        return new DeferredService<>(descriptor, owner, s -> s);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public OperationTable operations() {
        return service.apply(owner.get()).operations();
    }

    @Override
    public boolean made() {
        return owner.made();
    }

    @Override
    public void make() {
        owner.make();
    }

    @Override
    public CompletableFuture<Void> madeOffThisThread() {
        return owner.madeOffThisThread();
    }

    @Override
    public void reset() {
        owner.ifMade().ifPresent(made -> service.apply(made).reset());
    }
}
