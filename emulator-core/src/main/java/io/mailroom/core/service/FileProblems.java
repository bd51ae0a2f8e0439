package io.mailroom.core.service;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;

/**
 * Failed file operations in words, for the one-line errors about a data directory. The JDK's own messages
 * for the commonest failures are only the path (an AccessDeniedException says "/data/sqs/state.json"),
 * which reads as if the path were the problem.
 */
public final class FileProblems {
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*(\\([^)]*\\))?[^;\\]]*; ");

    private FileProblems() {
    }

    /** The path the failure is about, if the exception names one, and what went wrong with it. */
    public static String describe(IOException e) {
        if (!(e instanceof FileSystemException f)) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        String what;
        if (f instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (f instanceof NoSuchFileException) {
            what = "no such file or directory";
        } else if (f instanceof FileAlreadyExistsException) {
            what = "already exists (a file where a directory belongs?)";
        } else if (f instanceof NotDirectoryException) {
            what = "not a directory";
        } else {
            what = f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        }
        return f.getFile() == null ? what : f.getFile() + ": " + what;
    }

    /**
     * A JSON parser's message without the "[Source: REDACTED (`StreamReadFeature...` disabled); " that
     * Jackson puts into nested locations: it says nothing about the file, which the caller names anyway.
     */
    public static String withoutParserSource(String message) {
        return message == null ? null : SOURCE.matcher(message).replaceAll("[");
    }

    /**
     * Whether {@code t} or one of its causes is a failure to get at a file (permissions, a missing or
     * misplaced path), as opposed to a file whose content is wrong: the advice differs.
     */
    public static boolean isAccess(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FileSystemException) {
                return true;
            }
        }
        return false;
    }
}
