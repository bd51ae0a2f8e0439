package io.mailroom.junit5;

import java.util.List;

/** One look at the sent-mail store: the mail, or why it could not be read. Renders itself for failure messages. */
record MailSnapshot(List<SentMail> mail, String problem) {
    private static final int MAX_LISTED = 20;
    private static final int MAX_SUBJECT = 200;

    MailSnapshot {
        mail = List.copyOf(mail);
    }

    static MailSnapshot of(List<SentMail> mail) {
        return new MailSnapshot(mail, null);
    }

    static MailSnapshot unreadable(String problem) {
        return new MailSnapshot(List.of(), problem);
    }

    /** What was there, one message a line, for a test's failure message. */
    String describe() {
        if (problem != null) {
            return "The sent mail could not be read: " + problem;
        }
        if (mail.isEmpty()) {
            return "No mail was sent.";
        }
        StringBuilder out = new StringBuilder("Sent mail held ").append(mail.size())
                .append(mail.size() == 1 ? " message:" : " messages:");
        for (int i = 0; i < Math.min(mail.size(), MAX_LISTED); i++) {
            out.append("\n  ").append(i + 1).append(". ").append(describe(mail.get(i)));
        }
        if (mail.size() > MAX_LISTED) {
            out.append("\n  ... and ").append(mail.size() - MAX_LISTED).append(" more");
        }
        return out.toString();
    }

    private static String describe(SentMail m) {
        StringBuilder line = new StringBuilder("from ").append(quote(m.source())).append(" to ").append(m.to());
        if (!m.cc().isEmpty()) {
            line.append(" cc ").append(m.cc());
        }
        return line.append(" subject ").append(quote(m.subject())).append(" (id ").append(m.messageId()).append(')')
                .toString();
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        String shown = text.length() > MAX_SUBJECT ? text.substring(0, MAX_SUBJECT) + "..." : text;
        return '"' + shown.replace("\n", "\\n") + '"';
    }
}
