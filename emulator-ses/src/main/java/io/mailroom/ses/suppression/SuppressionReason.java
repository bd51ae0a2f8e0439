package io.mailroom.ses.suppression;

/** Why an address is on the account-level suppression list. */
public enum SuppressionReason { BOUNCE, COMPLAINT }
