package org.foolshap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Up-front checks of where a command will write, run before any work so that a bad path fails in a second, not after
 * minutes of computation: the path is not a folder (or, for a result folder, not a file), it is none of the command's
 * inputs, and its nearest existing folder is writable.
 */
final class Outputs {
    private Outputs() {
    }

    /** Checks that {@code file}, given by {@code option}, can be written and is none of {@code inputs}. */
    static void checkFile(String option, Path file, Path... inputs) {
        if (Files.isDirectory(file)) {
            throw new UserError(option + " " + file + " is a folder; give a file name");
        }
        notAnInput(option, file, inputs);
        writableFolder(option, file.toAbsolutePath().getParent());
    }

    /**
     * Checks that {@code folder} can hold a result that replaces it as a whole: it does not exist, or it is a folder
     * holding only files named in {@code ours} (an earlier result of the same command), and none of {@code inputs}
     * is inside it.
     */
    static void checkResultFolder(String option, Path folder, Set<String> ours, Path... inputs) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UserError(option + " " + folder + " is a file; give a folder");
        }
        Path abs = folder.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in != null && in.toAbsolutePath().normalize().startsWith(abs)) {
                throw new UserError(option + " " + folder + " holds the input " + in + ", which writing the result "
                        + "there would replace; choose another folder");
            }
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                list.map(p -> p.getFileName().toString()).filter(n -> !ours.contains(n)).findFirst().ifPresent(n -> {
                    throw new UserError(option + " " + folder + " already holds " + n + ", which is not a file this "
                            + "command writes; the result replaces the whole folder, so choose a new or an earlier "
                            + "result's folder");
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        writableFolder(option, abs.getParent());
    }

    /** Checks that the folder a command appends to ({@code reproduce --out}) is not a file and can be written. */
    static void checkFolder(String option, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UserError(option + " " + folder + " is a file; give a folder");
        }
        writableFolder(option, folder.toAbsolutePath());
    }

    private static void notAnInput(String option, Path file, Path... inputs) {
        for (Path in : inputs) {
            if (in != null && same(file, in)) {
                throw new UserError(option + " " + file + " is also an input of this command; writing it would "
                        + "destroy the input, so choose another file");
            }
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The nearest existing ancestor (or the folder itself) must be a writable folder. */
    private static void writableFolder(String option, Path folder) {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw new UserError(option + ": " + p + " is a file, so " + folder + " cannot be created");
        }
        if (!Files.isWritable(p)) {
            throw new UserError(option + ": cannot write in " + p + " (permission denied)");
        }
    }
}
