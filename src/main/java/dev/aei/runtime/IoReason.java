package dev.aei.runtime;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words: Java's file exceptions often carry only the path ("cannot
 * read x.json: x.json"), and a decoding error only "Input length = 1". Callers name the file.
 */
public final class IoReason {
    private IoReason() {
    }

    /** The reason, without the file's name (the caller's message names it). */
    public static String of(IOException e) {
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text (a binary file?)";
        }
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null && !fs.getReason().isBlank()) {
                return fs.getReason();
            }
            return e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof FileAlreadyExistsException ? "a file of that name is in the way"
                    : e instanceof DirectoryNotEmptyException ? "it is a folder that is not empty"
                    : e instanceof NotDirectoryException ? "a file stands where a folder should be"
                    : e.getClass().getSimpleName();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
