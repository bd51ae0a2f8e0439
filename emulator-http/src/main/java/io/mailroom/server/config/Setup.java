package io.mailroom.server.config;

import java.util.List;
import java.util.stream.Stream;

/** A whole setup file: what to create in each account and region. */
public record Setup(List<AccountSetup> accounts) {

    /** The accounts and regions the file names, without repeats. */
    public List<Scope> scopes() {
        return accounts.stream().map(AccountSetup::scope).distinct().toList();
    }

    Stream<AccountSetup> stream() {
        return accounts.stream();
    }
}
