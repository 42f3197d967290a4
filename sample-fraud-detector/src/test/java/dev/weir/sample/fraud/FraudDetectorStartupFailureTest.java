package dev.weir.sample.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A misconfigured sample fails at start-up with Boot's failure report naming the property. */
@ExtendWith(OutputCaptureExtension.class)
class FraudDetectorStartupFailureTest {

    @Test
    void withoutAnApplicationIdOrNameTheReportNamesWeirApplicationId(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> SpringApplication.run(FraudDetectorApplication.class,
                "--spring.application.name=", "--fraud.embedded-kafka.enabled=false",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9", "--fraud.generator.enabled=false", "--server.port=0"));

        assertThat(failure).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Weir could not start: the property 'weir.application-id' is not right")
                .contains("weir.application-id: is required")
                .contains("spring.application.name");
    }
}
