package dev.weir.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's top-level deployment artifacts are, from this module's directory. */
final class Repository {

    private Repository() {
    }

    /** The repository root: the parent of this module. */
    static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("charts")) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("run from the deployment module of the Weir repository, not " + root);
        }
        return root;
    }

    /** The generic chart, {@code charts/weir}. */
    static Path chart() {
        return root().resolve("charts").resolve("weir");
    }
}
