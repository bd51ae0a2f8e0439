package io.mailroom.core.service;

/** One emulated AWS service as the front end sees it: its wire description and its operations. */
public interface AwsService {

    ServiceDescriptor descriptor();

    OperationTable operations();

    /** Drops all state (queues, messages, ...), as after a fresh start. */
    void reset();
}
