package io.mailroom.junit5;

/** How long one server lives: it is started for, and closed after, each test class or each test method. */
enum Lifetime {
    PER_CLASS,
    PER_METHOD
}
