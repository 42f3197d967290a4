package dev.weir.spring.boot.autoconfigure;

import java.util.Locale;

import dev.weir.config.WeirConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a Weir configuration mistake at start-up: which property, what is wrong, how to fix it. */
class WeirConfigFailureAnalyzer extends AbstractFailureAnalyzer<WeirConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WeirConfigException cause) {
        String property = cause.property();
        String description = "Weir could not start: the property '" + property + "' is not right.\n\n    "
                + cause.getMessage();
        String action = "Set '" + property + "' correctly: in application.properties or application.yaml, as the "
                + "environment variable " + environmentVariable(property) + ", or as --" + property + "=... on the "
                + "command line.";
        if (property.equals("weir.application-id")) {
            action += " When it is absent Weir uses spring.application.name, so setting that works as well.";
        }
        if (property.equals("weir.bootstrap-servers")) {
            action += " When it is absent Weir uses spring.kafka.bootstrap-servers.";
        }
        return new FailureAnalysis(description, action, cause);
    }

    private static String environmentVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    }
}
